// When the runners (src/state/runner.ts, src/state/compareRunner.ts) evaluate: at once after a
// change that alters the picture (dirty), never twice at one step, once the steps settled while
// paused, and while playing no sooner than EVAL_INTERVAL_MS or EVAL_DUTY × the last evaluation's
// duration after it ended, so evaluating takes at most about 1 / EVAL_DUTY of the engine's time.
import type { EngineKind } from '../engine/trainer';

/** Shortest pause between evaluations while training runs, and its multiple of the last duration. */
export const EVAL_INTERVAL_MS: Record<EngineKind, number> = { gpu: 500, cpu: 1500 };
export const EVAL_DUTY = 4;

export class EvalSchedule {
  /** an evaluation of the current engine is out */
  inFlight = false;
  /** something the evaluation shows changed: evaluate at the next chance */
  dirty = true;
  /** the step of the latest evaluation; -1: none since the run (re)started */
  lastStep = -1;
  private lastEnd = -Infinity;
  private lastDuration = 0;

  /**
   * `settleFirst`: a dirty evaluation still waits for the step call in flight, except at step 0
   * (the compare runner keeps its evaluations between step calls).
   */
  constructor(private readonly settleFirst = false) {}

  /** Whether to send an evaluation now. */
  due(now: number, step: number, playing: boolean, stepsInFlight: boolean, kind: EngineKind): boolean {
    if (this.inFlight) return false;
    if (this.dirty) return !this.settleFirst || !stepsInFlight || step === 0;
    if (step === this.lastStep) return false;
    if (!playing) return !stepsInFlight;
    return now - this.lastEnd >= Math.max(EVAL_INTERVAL_MS[kind], EVAL_DUTY * this.lastDuration);
  }

  /** An evaluation went out. */
  began(): void {
    this.inFlight = true;
    this.dirty = false;
  }

  /** The evaluation sent at `startedAt` came back at `step`; `duration` paces the next one. */
  ended(startedAt: number, duration: number, step: number): void {
    this.inFlight = false;
    this.lastDuration = duration;
    this.lastEnd = startedAt + duration;
    this.lastStep = step;
  }

  /** A new engine or a reset: the one in flight is stale, and the next is due at once. */
  restart(): void {
    this.inFlight = false;
    this.dirty = true;
    this.lastStep = -1;
    this.lastEnd = -Infinity;
  }
}
