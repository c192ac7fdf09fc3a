// The learned field v_θ(x, t) on a grid at one t, computed on the page with the CPU forward pass
// (src/math/mlp.ts velocity()) from the weights pulled after the latest evaluation.
import { velocity, type MlpShape } from '../math/mlp';

export interface QuiverField {
  /** grid points per side */
  n: number;
  /** n² points (x, y), interleaved */
  points: Float64Array;
  /** n² velocities (vx, vy) */
  vel: Float64Array;
  /** grid spacing in data units */
  cell: number;
}

/** Grid side: 20 for models up to ~100 k parameters, coarser above so one update stays < ~20 ms. */
export function quiverSide(paramCount: number): number {
  return paramCount <= 100_000 ? 20 : paramCount <= 400_000 ? 14 : 10;
}

export function quiverField(shape: MlpShape, theta: Float32Array, xDomain: [number, number], yDomain: [number, number], t: number, n: number): QuiverField {
  const [x0, x1] = xDomain, [y0, y1] = yDomain;
  const cell = Math.max(x1 - x0, y1 - y0) / n;
  const nx = Math.max(1, Math.floor((x1 - x0) / cell)), ny = Math.max(1, Math.floor((y1 - y0) / cell));
  const count = nx * ny;
  const points = new Float64Array(2 * count);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      points[2 * k] = x0 + (i + 0.5) * ((x1 - x0) / nx);
      points[2 * k + 1] = y0 + (j + 0.5) * ((y1 - y0) / ny);
    }
  }
  const vel = velocity(shape, theta, points, t, count);
  return { n: count, points, vel, cell };
}
