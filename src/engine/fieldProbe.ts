// Probes of the learned field and of the training pairs for the plane panels: the quiver grid of
// v_θ at one t (CPU forward pass, src/math/mlp.ts velocity(), from the θ pulled after the latest
// evaluation), its distance to the closed-form fields, and the conditional-variance map of the
// pairs. The page runs them in a Web Worker (fieldWorker.ts through fieldProbeClient.ts), Node in
// process (localFieldProbe); src/state/fieldJobs.ts asks, and the panels only draw the answers.
import { mlpLayout, velocity, type MlpShape } from '../math/mlp';
import { closedFormPairings, fieldDistance, gridSamples, linearField, mlpField } from '../math/fieldDistance';
import { conditionalVariance, type ConditionalVarianceGrid, type ConditionalVarianceOptions } from '../math/conditionalVariance';
import type { PairSet } from '../math/couplings';
import type { RunConfig } from './runConfig';
import { mlpShape, sourceSpec, targetSpec } from './world';

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

/** Whether θ fits the network of `config` (weights of an older shape arrive while a rebuild is in flight). */
export function weightsFit(config: RunConfig, theta: Float32Array): boolean {
  return mlpLayout(mlpShape(config)).paramCount === theta.length;
}

/** Grid cells per side of the closed-form distance samples. */
export const DISTANCE_GRID = 12;

/**
 * Mean squared distance of the learned field to the OT and rotated closed forms over x in the
 * square [lo, hi]², t ∈ {0.1, …, 0.9}; null when the world is not Gaussian or θ does not fit.
 */
export function closedFormDistances(config: RunConfig, theta: Float32Array, extent: { lo: number; hi: number }): { ot: number; rotated: number } | null {
  const pairings = closedFormPairings(sourceSpec(config), targetSpec(config), config.phi);
  if (!pairings || !weightsFit(config, theta)) return null;
  const learned = mlpField(mlpShape(config), theta);
  const samples = gridSamples(extent.lo, extent.hi, DISTANCE_GRID);
  return {
    ot: fieldDistance(learned, linearField(pairings.ot), samples).meanSq,
    rotated: fieldDistance(learned, linearField(pairings.rotated), samples).meanSq,
  };
}

/** The learned field over a plane at t (grid side from quiverSide()). */
export interface QuiverRequest {
  config: RunConfig;
  theta: Float32Array;
  x: [number, number];
  y: [number, number];
  t: number;
}

export interface DistanceRequest {
  config: RunConfig;
  theta: Float32Array;
  extent: { lo: number; hi: number };
}

export interface CrossingRequest {
  pairs: PairSet;
  options: ConditionalVarianceOptions;
}

/** What the plane panels need computed; every answer is a pure function of the request. */
export interface FieldProbe {
  /** null when θ does not fit the config's network (a rebuild in flight) */
  quiver(req: QuiverRequest): Promise<QuiverField | null>;
  distances(req: DistanceRequest): Promise<{ ot: number; rotated: number } | null>;
  crossing(req: CrossingRequest): Promise<ConditionalVarianceGrid>;
  dispose(): void;
}

/** The quiver of a request (the worker and localFieldProbe both answer with this). */
export function quiverOf(req: QuiverRequest): QuiverField | null {
  if (!weightsFit(req.config, req.theta)) return null;
  return quiverField(mlpShape(req.config), req.theta, req.x, req.y, req.t, quiverSide(req.theta.length));
}

/** The probes in this thread: Node (tests, CLI) and the fallback when no Worker can start. */
export function localFieldProbe(): FieldProbe {
  return {
    quiver: async (req) => quiverOf(req),
    distances: async (req) => closedFormDistances(req.config, req.theta, req.extent),
    crossing: async (req) => conditionalVariance(req.pairs, req.options),
    dispose: () => {},
  };
}
