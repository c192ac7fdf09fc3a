// The shared coordinate frame of the plane panels (pairs and learned flow): one square extent
// around the training pairs, one unit length per pixel on both axes, so the panels line up.
import { scaleLinear, type ScaleLinear } from 'd3';
import type { PairSet } from '../math/couplings';
import type { RunConfig } from '../engine/runConfig';

export interface PlaneExtent {
  cx: number;
  cy: number;
  /** half the side of the square shown, in data units */
  half: number;
}

export interface PlaneScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** pixels per data unit (the same on both axes) */
  unit: number;
}

export const PLANE_MARGIN = { top: 8, right: 8, bottom: 24, left: 32 };

/** Square around every training point (padded 8 %), or around the distributions' 3σ boxes. */
export function planeExtent(pairs: PairSet | null, config: RunConfig): PlaneExtent {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const take = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  };
  if (pairs && pairs.n > 0) {
    for (let i = 0; i < pairs.n; i++) {
      take(pairs.x0[2 * i], pairs.x0[2 * i + 1]);
      take(pairs.x1[2 * i], pairs.x1[2 * i + 1]);
    }
  } else {
    for (const [mx, my, sx, sy] of [[config.srcMx, config.srcMy, config.srcSx, config.srcSy], [config.tgtMx, config.tgtMy, config.tgtSx, config.tgtSy]]) {
      take(mx - 3 * sx, my - 3 * sy);
      take(mx + 3 * sx, my + 3 * sy);
    }
  }
  if (!Number.isFinite(x0)) return { cx: 0, cy: 0, half: 3 };
  const half = Math.max(1.5, 0.54 * Math.max(x1 - x0, y1 - y0));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half };
}

/** Equal-aspect scales fitting the extent into width × height (after PLANE_MARGIN). */
export function planeScales(extent: PlaneExtent, width: number, height: number): PlaneScales {
  const m = PLANE_MARGIN;
  const w = Math.max(10, width - m.left - m.right), h = Math.max(10, height - m.top - m.bottom);
  const unit = Math.min(w, h) / (2 * extent.half);
  const hx = w / (2 * unit), hy = h / (2 * unit);
  const x = scaleLinear().domain([extent.cx - hx, extent.cx + hx]).range([m.left, m.left + w]);
  const y = scaleLinear().domain([extent.cy - hy, extent.cy + hy]).range([m.top + h, m.top]);
  return { x, y, unit };
}
