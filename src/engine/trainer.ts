// The trainer interface shared by CpuTrainer and GpuTrainer (docs/architecture.md#layers).
import type { LiveSettings } from './runConfig';
import type { PairSet } from '../math/couplings';
import type { Integrator } from '../math/ode';
import type { TrainState } from './trainState';

/** Metrics of one training step, measured on that step's batch. */
export interface StepRecord {
  /** 1-based index of the step just taken */
  step: number;
  /** mean ‖u_t − v_θ(x_t, t)‖² over the batch */
  loss: number;
  /** trace of the per-sample gradient covariance V (docs/design.md#what-is-measured) */
  gradVar: number;
  /** ‖ḡ‖², the squared norm of the batch gradient; V/‖ḡ‖² is the noise-to-signal ratio */
  meanGradNormSq: number;
  /** σ the step trained with */
  sigma: number;
}

/** Training state after the last step taken. */
export interface TrainSnapshot {
  step: number;
  /** one record per step since the previous snapshot (in order) */
  records: StepRecord[];
  /** per-t-bin mean ‖g_i − ḡ‖² of the last step (T_BINS values, NaN for empty bins) */
  gradVarByT: number[];
}

export interface EvalMetrics {
  step: number;
  /** pair reproduction rate from the training x0's, its chance level 1/N, mean distance to partner */
  reproduction: number;
  chance: number;
  partnerDistance: number;
  /** sliced W2 between the generated cloud (fresh x0) and a target sample of the same size */
  slicedW2: number;
  /** closed-form W2 between the Gaussian fitted to the generated cloud and the target; null if the target is not Gaussian */
  gaussianW2: number | null;
  /** covariance of the generated cloud [sxx, sxy, syx, syy] */
  generatedCov: [number, number, number, number];
  straightness: number;
  transportCost: number;
  /** W2² between source and target Gaussians (the OT cost); null unless both are Gaussian */
  otCost: number | null;
}

export interface Trajectories {
  /** number of paths and stored states per path (odeSteps + 1) */
  count: number;
  states: number;
  /** states × count × 2, state-major */
  path: Float32Array;
}

export interface Evaluation {
  metrics: EvalMetrics;
  /** paths from the (first) training x0's and from fresh x0's */
  trainPaths: Trajectories;
  freshPaths: Trajectories;
  /**
   * milliseconds the engine itself spent (the CPU engine times its own work, so a reply that
   * waited behind a step call or a busy page does not count); absent where only the caller can time it
   */
  computeMs?: number;
}

export interface IntegrateRequest {
  start: Float32Array;
  count: number;
  method: Integrator;
  steps: number;
  direction: 'forward' | 'backward';
}

/** Settings that act between steps without a rebuild: the rows marked `live` in the config table. */
export type { LiveSettings } from './runConfig';

export type EngineKind = 'cpu' | 'gpu';

export interface Trainer {
  readonly kind: EngineKind;
  /** human-readable name of the device (adapter description or "CPU (JavaScript)") */
  readonly deviceName: string;
  /** the training pairs (read-only) */
  readonly pairs: PairSet;
  /** number of steps taken */
  readonly stepCount: number;
  /** train n steps; resolves once the work is queued or done, with the snapshot so far */
  step(n: number): Promise<TrainSnapshot>;
  /** change live settings (σ, lr, …) between steps: no reset */
  setLive(settings: Partial<LiveSettings>): void;
  /** integrate the learned field from the training x0's and fresh x0's and measure */
  evaluate(): Promise<Evaluation>;
  /** integrate arbitrary start points on the learned field */
  integrate(req: IntegrateRequest): Promise<Trajectories>;
  /** replace the training pairs (Reflow) and keep the weights */
  setPairs(pairs: PairSet): void;
  /** current parameters (layout of src/math/mlp.ts) */
  weights(): Promise<Float32Array>;
  /** θ, Adam's moments and the step, read together (to save, or to continue elsewhere) */
  trainState(): Promise<TrainState>;
  /** continue from a train state (a weights file, the last copy of a lost GPU device); absent moments start from zero */
  setWeights(state: TrainState): void;
  /** back to the same initial weights, step 0 */
  reset(): void;
  /**
   * Cancels or awaits in-flight work, then frees the engine; a returned promise resolves once no
   * resource of this trainer can be touched any more (a rebuild waits for it).
   */
  dispose(): void | Promise<void>;
}
