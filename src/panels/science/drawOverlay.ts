// Closed-form overlays (docs/math.md#closed-forms-and-the-crossing-map): the analytic field of the OT and rotated-OT pairings as arrows at
// time t, and their trajectories (straight lines x0 → μ1 + M(x0 − μ0), the point at t marked),
// drawn on any plane panel's canvas beside the learned field. Pure: a context, scales, data.
import type { ScaleLinear } from 'd3';
import { linearPairingField } from '../../math/theory';
import { closedFormPairings, linearTrajectoryPoint, type LinearPairing } from '../../math/fieldDistance';
import type { DistributionSpec } from '../../math/distributions';
import { arrowPath } from '../marks';
import type { OverlayKind } from '../../state/scienceSlice';

export interface OverlayScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export interface OverlayLayer {
  pairing: LinearPairing;
  color: string;
  /** dashed lines keep two overlays apart when both are shown */
  dash?: number[];
}

export interface OverlayOptions {
  layers: OverlayLayer[];
  /** time of the arrows and of the marked trajectory points */
  t: number;
  /** arrows per side over the visible domain (0 = none) */
  arrows?: number;
  /** trajectory starts x0, interleaved (e.g. the first training x0's); null = no trajectories */
  starts?: ArrayLike<number> | null;
  /** at most this many trajectories */
  maxTrajectories?: number;
  /** line width multiplier (projector theme) */
  weight?: number;
}

export const OVERLAY_DEFAULTS = { arrows: 14, maxTrajectories: 200, weight: 1 } as const;

/** Arrow from (x, y) with velocity (vx, vy) drawn as a segment of `scale` data units per unit speed. */
function arrow(ctx: CanvasRenderingContext2D, s: OverlayScales, x: number, y: number, vx: number, vy: number, scale: number): void {
  const px = s.x(x), py = s.y(y);
  const qx = s.x(x + vx * scale), qy = s.y(y + vy * scale);
  if (Math.hypot(qx - px, qy - py) > 0.5) arrowPath(ctx, px, py, qx, qy, 0.35);
}

/** Draws each layer's field arrows at t and its trajectories. Non-finite field values (collisions) are skipped. */
export function drawOverlay(ctx: CanvasRenderingContext2D, scales: OverlayScales, opts: OverlayOptions): void {
  const n = Math.max(0, Math.floor(opts.arrows ?? OVERLAY_DEFAULTS.arrows));
  const weight = opts.weight ?? OVERLAY_DEFAULTS.weight;
  const t = Math.min(1, Math.max(0, Number.isFinite(opts.t) ? opts.t : 0));
  const [x0, x1] = scales.x.domain(), [y0, y1] = scales.y.domain();
  const cell = Math.max(x1 - x0, y1 - y0) / Math.max(1, n);
  ctx.save();
  for (const layer of opts.layers) {
    ctx.strokeStyle = layer.color;
    ctx.fillStyle = layer.color;
    ctx.setLineDash(layer.dash ?? []);
    if (n > 0) {
      // one speed scale per layer: the longest arrow spans 0.9 of a cell
      const points: [number, number, number, number][] = [];
      let vmax = 0;
      for (let x = x0 + cell / 2; x < x1; x += cell) {
        for (let y = y0 + cell / 2; y < y1; y += cell) {
          const [vx, vy] = linearPairingField(layer.pairing.m, layer.pairing.mu0, layer.pairing.mu1, [x, y], t);
          if (!Number.isFinite(vx) || !Number.isFinite(vy)) continue;
          points.push([x, y, vx, vy]);
          vmax = Math.max(vmax, Math.hypot(vx, vy));
        }
      }
      ctx.globalAlpha = 0.85;
      ctx.lineWidth = 1.2 * weight;
      ctx.beginPath();
      const scale = vmax > 0 ? (0.9 * cell) / vmax : 0;
      for (const [x, y, vx, vy] of points) arrow(ctx, scales, x, y, vx, vy, scale);
      ctx.stroke();
    }
    const starts = opts.starts;
    if (starts) {
      const count = Math.min(Math.floor(starts.length / 2), opts.maxTrajectories ?? OVERLAY_DEFAULTS.maxTrajectories);
      ctx.globalAlpha = 0.45;
      ctx.lineWidth = weight;
      ctx.beginPath();
      for (let i = 0; i < count; i++) {
        const a: [number, number] = [starts[2 * i], starts[2 * i + 1]];
        if (!Number.isFinite(a[0]) || !Number.isFinite(a[1])) continue;
        const b = linearTrajectoryPoint(layer.pairing, a, 1);
        ctx.moveTo(scales.x(a[0]), scales.y(a[1]));
        ctx.lineTo(scales.x(b[0]), scales.y(b[1]));
      }
      ctx.stroke();
      ctx.globalAlpha = 0.9;
      ctx.setLineDash([]);
      for (let i = 0; i < count; i++) {
        const p = linearTrajectoryPoint(layer.pairing, [starts[2 * i], starts[2 * i + 1]], t);
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
        ctx.fillRect(scales.x(p[0]) - 1.5 * weight, scales.y(p[1]) - 1.5 * weight, 3 * weight, 3 * weight);
      }
    }
  }
  ctx.restore();
}

/** Which closed forms to overlay: the OT pairing, the rotated one (angle φ), or both. */

/**
 * The overlay layers for a world: none unless source and target are Gaussian (the closed forms
 * exist only there). Both layers: OT solid, rotated dashed.
 */
export function overlayLayers(source: DistributionSpec, target: DistributionSpec, phi: number, choice: OverlayKind, colors: { ot: string; rotated: string }): OverlayLayer[] {
  if (choice === 'none') return [];
  const p = closedFormPairings(source, target, phi);
  if (!p) return [];
  const out: OverlayLayer[] = [];
  if (choice === 'ot' || choice === 'both') out.push({ pairing: p.ot, color: colors.ot });
  if (choice === 'rotated' || choice === 'both') out.push({ pairing: p.rotated, color: colors.rotated, dash: choice === 'both' ? [5, 4] : undefined });
  return out;
}
