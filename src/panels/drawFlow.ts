// Pure drawing of the learned-flow panel: ODE paths from training x0 and from fresh x0 (two
// colours), the particles at the scrubbed t, endpoints, lines from each endpoint to its training
// partner, and the vector field as a quiver. Paths are state-major (states × count × 2).
import type { Evaluation, Trajectories } from '../engine/trainer';
import type { PairSet } from '../math/couplings';
import type { PlaneScales } from './planeFrame';
import type { Palette } from './palette';
import type { QuiverField } from '../engine/fieldProbe';
import type { LayerId } from '../state/viewSlice';
import { ARC_DOTS_MAX, arrowPath, dotPath } from './marks';

export interface FlowDrawInput {
  evaluation: Evaluation | null;
  pairs: PairSet | null;
  quiver: QuiverField | null;
  scales: PlaneScales;
  layers: Record<LayerId, boolean>;
  tScrub: number;
  palette: Palette;
}

/**
 * Paths drawn as polylines per set; the endpoints and particles of the others are still drawn.
 * 2 000 paths × 65 states is ~130 k segments: one redraw (per evaluation) stays under ~50 ms on a
 * software canvas, where 10 000 paths took ~200 ms.
 */
export const MAX_DRAWN_PATHS = 2000;

function paths(ctx: CanvasRenderingContext2D, tr: Trajectories, s: PlaneScales): void {
  const { count, states, path } = tr;
  const stride = Math.max(1, Math.ceil(count / MAX_DRAWN_PATHS));
  ctx.beginPath();
  for (let i = 0; i < count; i += stride) {
    for (let k = 0; k < states; k++) {
      const o = (k * count + i) * 2;
      const px = s.x(path[o]), py = s.y(path[o + 1]);
      if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    }
  }
  ctx.stroke();
}

/** Position of path i at time t (linear between stored states). */
export function positionAt(tr: Trajectories, i: number, t: number): [number, number] {
  const steps = tr.states - 1;
  const u = Math.min(steps, Math.max(0, t * steps));
  const k = Math.min(steps - 1, Math.floor(u)), f = steps > 0 ? u - k : 0;
  const a = (k * tr.count + i) * 2, b = (Math.min(steps, k + 1) * tr.count + i) * 2;
  return [tr.path[a] + f * (tr.path[b] - tr.path[a]), tr.path[a + 1] + f * (tr.path[b + 1] - tr.path[a + 1])];
}

function particles(ctx: CanvasRenderingContext2D, tr: Trajectories, s: PlaneScales, t: number, r: number): void {
  const square = tr.count > ARC_DOTS_MAX;
  ctx.beginPath();
  for (let i = 0; i < tr.count; i++) {
    const [x, y] = positionAt(tr, i, t);
    dotPath(ctx, s.x(x), s.y(y), r, square);
  }
  ctx.fill();
}

function quiverArrows(ctx: CanvasRenderingContext2D, q: QuiverField, s: PlaneScales): void {
  let maxLen = 0;
  for (let k = 0; k < q.n; k++) {
    const l = Math.hypot(q.vel[2 * k], q.vel[2 * k + 1]);
    if (Number.isFinite(l)) maxLen = Math.max(maxLen, l);
  }
  if (maxLen === 0) return;
  const scale = (0.9 * q.cell) / maxLen; // the longest arrow spans 90 % of a cell
  ctx.beginPath();
  for (let k = 0; k < q.n; k++) {
    const vx = q.vel[2 * k] * scale, vy = q.vel[2 * k + 1] * scale;
    if (!Number.isFinite(vx) || !Number.isFinite(vy)) continue;
    const x0 = s.x(q.points[2 * k] - vx / 2), y0 = s.y(q.points[2 * k + 1] - vy / 2);
    const x1 = s.x(q.points[2 * k] + vx / 2), y1 = s.y(q.points[2 * k + 1] + vy / 2);
    arrowPath(ctx, x0, y0, x1, y1, 1 / 3, 3);
  }
  ctx.stroke();
}

export function drawFlow(ctx: CanvasRenderingContext2D, d: FlowDrawInput): void {
  const { evaluation: ev, scales: s, layers, palette } = d;
  const w = palette.weight;
  if (layers.quiver && d.quiver) {
    ctx.save();
    ctx.strokeStyle = palette.quiver;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = w;
    quiverArrows(ctx, d.quiver, s);
    ctx.restore();
  }
  if (!ev) return;
  ctx.save();
  ctx.lineWidth = w;
  if (layers.freshPaths) {
    ctx.strokeStyle = palette.freshPaths;
    ctx.globalAlpha = Math.min(0.5, Math.max(0.04, 6 / Math.sqrt(ev.freshPaths.count)));
    paths(ctx, ev.freshPaths, s);
  }
  if (layers.trainPaths) {
    ctx.strokeStyle = palette.trainPaths;
    ctx.globalAlpha = Math.min(0.7, Math.max(0.06, 6 / Math.sqrt(ev.trainPaths.count)));
    paths(ctx, ev.trainPaths, s);
  }
  const tr = ev.trainPaths;
  if (layers.partners && d.pairs) {
    ctx.strokeStyle = palette.partners;
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    const last = (tr.states - 1) * tr.count * 2;
    for (let i = 0; i < tr.count && i < d.pairs.n; i++) {
      ctx.moveTo(s.x(tr.path[last + 2 * i]), s.y(tr.path[last + 2 * i + 1]));
      ctx.lineTo(s.x(d.pairs.x1[2 * i]), s.y(d.pairs.x1[2 * i + 1]));
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 0.9;
  const r = 2 * w;
  if (layers.endpoints) {
    if (layers.freshPaths) { ctx.fillStyle = palette.freshPaths; particles(ctx, ev.freshPaths, s, 1, r * 0.8); }
    if (layers.trainPaths) { ctx.fillStyle = palette.trainPaths; particles(ctx, tr, s, 1, r); }
  }
  if (d.tScrub < 1) {
    ctx.fillStyle = palette.ink;
    if (layers.freshPaths) particles(ctx, ev.freshPaths, s, d.tScrub, r * 0.7);
    if (layers.trainPaths) particles(ctx, tr, s, d.tScrub, r * 0.9);
  }
  ctx.restore();
}
