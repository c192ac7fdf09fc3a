// How many steps the next step(n) call asks for, shared by the single-run and compare runners
// (docs/design.md#the-page-never-blocks): `speed` per call while playing, one per Step press while paused, never past
// the run's target, and never more than STEP_CALL_BUDGET_MS of work at the measured rate, so a
// slow engine (10 000 particles, a software adapter) still shows steps advancing between frames.

/** The most work one step(n) call should carry, in milliseconds. */
export const STEP_CALL_BUDGET_MS = 250;

/** Weight of the newest call in the smoothed cost per step. */
const RATE_WEIGHT = 0.3;

export type StepPlan =
  /** nothing to send (paused, no Step press) */
  | { kind: 'idle' }
  /** the run reached its target while playing */
  | { kind: 'finished' }
  /** send n steps; `single`: it spends one Step press */
  | { kind: 'steps'; n: number; single: boolean };

export class StepPacer {
  /** smoothed milliseconds per step of the calls so far (0 before the first) */
  msPerStep = 0;

  /** The next call: `remaining` steps to the target (Infinity without one), `singleSteps` Step presses waiting. */
  plan(playing: boolean, speed: number, remaining: number, singleSteps: number): StepPlan {
    if (playing) {
      const byTime = this.msPerStep > 0 ? Math.max(1, Math.floor(STEP_CALL_BUDGET_MS / this.msPerStep)) : speed;
      const n = Math.min(speed, remaining, byTime);
      return n > 0 ? { kind: 'steps', n, single: false } : { kind: 'finished' };
    }
    return singleSteps > 0 ? { kind: 'steps', n: 1, single: true } : { kind: 'idle' };
  }

  /** Records a call of `n` steps that took `ms` (queueing behind an evaluation included). */
  measured(n: number, ms: number): void {
    if (!(n > 0) || !(ms >= 0)) return;
    const per = ms / n;
    this.msPerStep = this.msPerStep > 0 ? (1 - RATE_WEIGHT) * this.msPerStep + RATE_WEIGHT * per : per;
  }

  /** Forgets the rate (a new engine). */
  reset(): void {
    this.msPerStep = 0;
  }
}
