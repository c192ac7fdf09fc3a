// One step dispatcher for both runners (src/state/runner.ts, src/state/compareRunner.ts): at most
// one step(n) call in flight, sized by the StepPacer; a reply from before cancel() (a rebuild, a
// reset) is dropped; and the next call goes out as soon as a reply lands (`soon`), not at the next
// frame, so a page whose frames are slow (software raster, a busy machine) keeps its engine busy.
import { StepPacer } from './stepPacing';
import type { RunnerClock } from './frameLoop';

/** What a runner wants stepped now. */
export interface StepWant<Reply> {
  playing: boolean;
  speed: number;
  /** the step the run stops at (Infinity without one) */
  target: number;
  /** the engine call: n steps, resolving with what the runner absorbs */
  send: (n: number) => Promise<Reply>;
}

/** The runner's side: what to step, and what to do with the answers. */
export interface StepHost<Reply> {
  /** null: no steps now (no engine yet, an error shown, another mode trains) */
  want(): StepWant<Reply> | null;
  /** a reply of the current engine (stale ones never arrive here) */
  absorb(reply: Reply): void;
  /** the run reached its target while playing */
  finished(): void;
  /** the current engine's step call failed */
  failed(err: unknown): void;
}

export class StepDispatcher<Reply> {
  readonly pacer = new StepPacer();
  /** a step call of the current engine is out */
  inFlight = false;
  /** steps asked for since the last restart (replies may lag behind) */
  requested = 0;
  /** Step presses waiting (each sends one step while paused) */
  singleSteps = 0;
  private generation = 0;

  constructor(private readonly host: StepHost<Reply>, private readonly deps: Pick<RunnerClock, 'now' | 'soon'>) {}

  /** Drops the call in flight: its reply, or failure, is ignored. */
  cancel(): void {
    this.generation++;
    this.inFlight = false;
  }

  /** A new engine at `step`: counts from there and forgets the old engine's rate. */
  restart(step: number): void {
    this.cancel();
    this.requested = step;
    this.pacer.reset();
  }

  /** Sends the next step call unless one is out or the host wants none (called each frame). */
  request(): void {
    if (this.inFlight) return;
    const want = this.host.want();
    if (!want) return;
    const plan = this.pacer.plan(want.playing, want.speed, want.target - this.requested, this.singleSteps);
    if (plan.kind === 'finished') return this.host.finished();
    if (plan.kind === 'idle') return;
    if (plan.single) this.singleSteps--;
    const { n } = plan;
    const gen = this.generation;
    const sent = this.deps.now();
    this.inFlight = true;
    this.requested += n;
    want.send(n).then((reply) => {
      if (gen !== this.generation) return;
      this.inFlight = false;
      this.pacer.measured(n, this.deps.now() - sent);
      this.host.absorb(reply);
      this.deps.soon?.(() => { if (gen === this.generation) this.request(); });
    }, (err: unknown) => {
      if (gen !== this.generation) return;
      this.inFlight = false;
      this.host.failed(err);
    });
  }
}
