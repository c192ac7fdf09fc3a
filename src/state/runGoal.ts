// Runs that stop: a run trains to its goal and pauses. The goal starts at
// config.steps; Play on a paused run that reached it, or a chapter's "Try this" change, grants one
// more segment of config.steps from the current step, so a run never trains on without end and its
// curves' x axis spans the whole run (segments of equal length, the first one never a sliver).
// `steps = 0` keeps its meaning: train without a target.
import type { AppStore, Store } from './store';
import { shownFinished, shownStep } from './compareSlice';

/** The step the shown run (single, or both compare runs) trains to before it pauses; Infinity for steps = 0. */
export function runGoal(s: Pick<Store, 'config' | 'goal'>): number {
  return s.config.steps > 0 ? Math.max(s.config.steps, s.goal) : Infinity;
}

/** The x-axis end the curves grow towards: the goal, or nothing (0) for a run without target. */
export function axisGoal(s: Pick<Store, 'config' | 'goal'>): number {
  const goal = runGoal(s);
  return Number.isFinite(goal) ? goal : 0;
}

/** One more segment of config.steps from the shown run's current step; it trains, then pauses at the new goal. */
export function extendRun(store: AppStore): void {
  store.setState((s) => {
    if (s.error) return {};
    if (s.config.steps <= 0) return { playing: true };
    const step = shownStep(s);
    return {
      goal: step + s.config.steps,
      segments: step > 0 ? [...s.segments.filter((x) => x < step), step] : s.segments,
      finished: false,
      compareState: s.compare ? { ...s.compareState, finished: false } : s.compareState,
      playing: true,
    };
  });
}

/** Play: a run that reached its goal trains one more segment; otherwise play / pause as asked. */
export function playRun(store: AppStore): void {
  if (shownFinished(store.getState())) extendRun(store);
  else store.setState((s) => (s.error ? {} : { playing: true }));
}
