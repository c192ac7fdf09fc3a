// ReFlow rounds (docs/math.md#worlds-and-couplings): train, integrate the learned flow from the training x0's,
// make the endpoints the next round's pairs, train again. The history records what each round's
// flow does: straightness, its transport cost against the OT cost, and pair reproduction. docs/design.md#what-the-app-shows:
// on a rotated (non-optimal) Gaussian pairing the straight flow keeps the rotation, and ReFlow
// does not repair it; the history lets people see that (tests/unit/reflow.test.ts measures it).
import type { RunConfig } from './runConfig';
import type { EvalMetrics, StepRecord, Trainer } from './trainer';
import { reflowPairs, pairCost } from '../math/reflow';
import { TailMean, tailWindow, type JobControl } from './sweep';

/** Training x0's integrated per call (bounds the path memory: (odeSteps + 1) × chunk × 2 floats). */
export const REFLOW_CHUNK = 4096;

/** One round: the flow trained on that round's pairs, measured after its steps. */
export interface ReflowRound {
  /** 0 = the original coupling, k = after k reflows */
  round: number;
  /** steps trained: the round's steps, fewer in a round measured where it stopped (measureStopped) */
  steps: number;
  /** mean ‖x1 − x0‖² of the round's training pairs */
  pairCost: number;
  /** of the learned flow from fresh x0's: E‖x̂1 − x0‖², and the OT cost W2² (null unless Gaussian) */
  transportCost: number;
  otCost: number | null;
  straightness: number;
  reproduction: number;
  chance: number;
  gaussianW2: number | null;
  slicedW2: number;
  /** mean loss and gradient variance over the last 10 % of the round's steps */
  loss: number;
  gradVar: number;
  /** endpoints that were not finite when the round's pairs were made (kept the old partner) */
  keptPairs: number;
  /** the round's evaluation, its last training step (batch loss and gradVar), and its training wall time */
  metrics: EvalMetrics;
  last: StepRecord | null;
  trainSeconds: number;
}

export interface ReflowSettings {
  /** steps per round */
  steps: number;
  /** integrator and its steps for the endpoints (the run's own settings by default) */
  integrator: RunConfig['integrator'];
  odeSteps: number;
}

/** Control of a ReFlow job: chunked progress and abort (JobControl), plus one call per finished round. */
export interface ReflowControl extends JobControl<ReflowProgress> {
  /** after each round's history row (the CLI prints it, the page stores it) */
  onRound?: (row: ReflowRound) => void | Promise<void>;
  /**
   * an abort still measures the round in flight where it stopped, once it has trained a step
   * (the CLI's Ctrl-C prints that row, docs/cli.md#flowvar-reflow); without it the round is dropped
   */
  measureStopped?: boolean;
}

export function reflowSettings(config: RunConfig, steps = config.steps): ReflowSettings {
  return { steps: Math.max(1, steps), integrator: config.integrator, odeSteps: config.odeSteps };
}

/** Why the round loop is where it is: for progress bars. */
export interface ReflowProgress {
  round: number;
  step: number;
  steps: number;
}

/** Drives ReFlow rounds on one trainer and keeps their history. */
export class ReflowRunner {
  readonly history: ReflowRound[] = [];
  private keptPairs = 0;
  /** index of the current round (0 = original coupling) */
  private round = 0;
  /** whether the current round already has its history row */
  private recorded = false;

  constructor(private readonly trainer: Trainer, private readonly settings: ReflowSettings) {}

  /**
   * Trains the current round's steps (from where the trainer is), evaluates, appends to the
   * history. Null when `control.signal` aborted it (unless `control.measureStopped`).
   */
  async trainRound(control: ReflowControl = {}): Promise<ReflowRound | null> {
    const { steps } = this.settings;
    const chunk = Math.max(1, Math.floor(control.chunk ?? steps));
    const aborted = () => control.signal?.aborted === true;
    const loss = new TailMean(tailWindow(steps)), gradVar = new TailMean(tailWindow(steps));
    let last: StepRecord | null = null, trainSeconds = 0;
    while (this.trainer.stepCount < steps && !aborted()) {
      const t0 = performance.now();
      const snap = await this.trainer.step(Math.min(chunk, steps - this.trainer.stepCount));
      trainSeconds += (performance.now() - t0) / 1000;
      for (const r of snap.records) { loss.push(r.loss); gradVar.push(r.gradVar); last = r; }
      if (!aborted()) await control.onProgress?.({ round: this.round, step: this.trainer.stepCount, steps });
    }
    if (aborted() && !(control.measureStopped && this.trainer.stepCount > 0)) return null;
    const { metrics } = await this.trainer.evaluate();
    if (aborted() && !control.measureStopped) return null;
    const row = roundRow(this.round, Math.min(steps, this.trainer.stepCount), pairCost(this.trainer.pairs), metrics, loss.mean(), gradVar.mean(), this.keptPairs, { last, trainSeconds });
    this.history.push(row);
    this.recorded = true;
    return row;
  }

  /** The flow's endpoints from every training x0, with the run's integrator. */
  async endpoints(): Promise<Float64Array> {
    const { pairs } = this.trainer;
    const out = new Float64Array(2 * pairs.n);
    for (let first = 0; first < pairs.n; first += REFLOW_CHUNK) {
      const count = Math.min(REFLOW_CHUNK, pairs.n - first);
      const paths = await this.trainer.integrate({
        start: Float32Array.from(pairs.x0.subarray(2 * first, 2 * (first + count))),
        count, method: this.settings.integrator, steps: this.settings.odeSteps, direction: 'forward',
      });
      const last = (paths.states - 1) * count * 2;
      out.set(paths.path.subarray(last, last + 2 * count), 2 * first);
    }
    return out;
  }

  /**
   * Makes the endpoints the new pairs. The next round starts from the same initial weights (the
   * trainer's reset(): same seed, step 0, same batch keys), as a fresh model trained on the new
   * coupling, so rounds differ only by their pairs. reset() comes first so an engine that rebuilds
   * its pairs on reset cannot undo setPairs().
   */
  async reflow(): Promise<void> {
    const previous = this.trainer.pairs;
    const next = reflowPairs(previous, await this.endpoints());
    this.keptPairs = next.kept;
    this.trainer.reset();
    this.trainer.setPairs(next.pairs);
    this.round++;
    this.recorded = false;
  }

  /**
   * The one ReFlow loop (page, CLI, tests): trains and measures the current round (unless already
   * measured), then `rounds` reflows, each trained and measured: rounds + 1 history rows from a
   * fresh runner, fewer when `control.signal` aborts it.
   */
  async run(rounds: number, control: ReflowControl = {}): Promise<ReflowRound[]> {
    for (let k = this.recorded ? 1 : 0; k <= rounds; k++) {
      if (control.signal?.aborted) break;
      if (k > 0) await this.reflow();
      const row = await this.trainRound(control);
      if (row === null) break;
      await control.onRound?.(row);
    }
    return this.history;
  }
}

function roundRow(round: number, steps: number, cost: number, m: EvalMetrics, loss: number, gradVar: number, keptPairs: number, trained: Pick<ReflowRound, 'last' | 'trainSeconds'>): ReflowRound {
  return {
    round, steps, pairCost: cost,
    transportCost: m.transportCost, otCost: m.otCost, straightness: m.straightness,
    reproduction: m.reproduction, chance: m.chance, gaussianW2: m.gaussianW2, slicedW2: m.slicedW2,
    loss, gradVar, keptPairs, metrics: m, ...trained,
  };
}
