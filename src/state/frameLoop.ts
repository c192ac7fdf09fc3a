// The loop both runners (src/state/runner.ts, src/state/compareRunner.ts) run on: a store
// subscription and one animation-frame callback while started. Tests pass a hand-pumped clock.
import type { AppStore, Store } from './store';

/** The clock both runners loop on (tests pass their own). */
export interface RunnerClock {
  now: () => number;
  requestFrame: (cb: (t: number) => void) => number;
  cancelFrame: (id: number) => void;
  /**
   * Runs `cb` soon (default: a zero-delay timeout) to send the next steps as soon as a reply came,
   * not at the next frame. null: steps only on frames (tests that pump the frame clock by hand).
   */
  soon: ((cb: () => void) => void) | null;
}

/** The page's clock, with what `deps` sets instead; a hand-pumped frame clock gets no `soon` unless it asks. */
export function runnerClock(deps: Partial<RunnerClock>): RunnerClock {
  return {
    now: () => performance.now(),
    requestFrame: (cb) => requestAnimationFrame(cb),
    cancelFrame: (id) => cancelAnimationFrame(id),
    soon: deps.requestFrame ? null : (cb) => { setTimeout(cb, 0); },
    ...deps,
  };
}

export class FrameLoop {
  private frameId = 0;
  private running = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly clock: RunnerClock,
    private readonly store: AppStore,
    private readonly onStore: (s: Store, prev: Store) => void,
    private readonly onFrame: (now: number) => void,
  ) {}

  /** Subscribes and asks for frames; false when already started. */
  start(): boolean {
    if (this.running) return false;
    this.running = true;
    this.unsubscribe = this.store.subscribe(this.onStore);
    this.frameId = this.clock.requestFrame(this.frame);
    return true;
  }

  stop(): void {
    this.running = false;
    this.clock.cancelFrame(this.frameId);
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private readonly frame = (now: number): void => {
    if (!this.running) return;
    this.frameId = this.clock.requestFrame(this.frame);
    this.onFrame(now);
  };
}
