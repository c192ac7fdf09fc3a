// evalSchedule.ts: when both runners evaluate: at once when dirty, never twice at one step, after
// the steps settle while paused, and while playing no sooner than max(EVAL_INTERVAL_MS, EVAL_DUTY × duration).
import { describe, expect, it } from 'vitest';
import { EVAL_DUTY, EVAL_INTERVAL_MS, EvalSchedule } from '../../src/state/evalSchedule';

describe('EvalSchedule', () => {
  it('due() is true when dirty, false in flight and at the step last evaluated; paused, it waits for the steps to settle', () => {
    const e = new EvalSchedule();
    expect(e.due(0, 0, true, true, 'cpu')).toBe(true);
    e.began();
    expect(e.due(0, 0, true, false, 'cpu')).toBe(false);
    e.ended(0, 100, 5);
    expect(e.due(5000, 5, true, false, 'cpu')).toBe(false);
    expect(e.due(10, 6, false, true, 'cpu')).toBe(false);
    expect(e.due(10, 6, false, false, 'cpu')).toBe(true);
  });

  it('playing: the next one waits EVAL_INTERVAL_MS after the last ended, or EVAL_DUTY × its duration when that is longer', () => {
    const e = new EvalSchedule();
    e.began();
    e.ended(1000, 100, 5); // ended at 1100
    expect(e.due(1100 + EVAL_INTERVAL_MS.cpu - 1, 9, true, false, 'cpu')).toBe(false);
    expect(e.due(1100 + EVAL_INTERVAL_MS.cpu, 9, true, false, 'cpu')).toBe(true);
    e.began();
    e.ended(0, 1000, 9); // a slow one: 4 s before the next
    expect(e.due(1000 + EVAL_DUTY * 1000 - 1, 12, true, false, 'gpu')).toBe(false);
    expect(e.due(1000 + EVAL_DUTY * 1000, 12, true, false, 'gpu')).toBe(true);
  });

  it('settleFirst (compare mode): a dirty evaluation waits for the step call in flight, except at step 0; restart() makes it due again', () => {
    const e = new EvalSchedule(true);
    expect(e.due(0, 0, true, true, 'cpu')).toBe(true);
    e.began();
    e.ended(0, 10, 0);
    e.dirty = true;
    expect(e.due(20, 3, true, true, 'cpu')).toBe(false);
    expect(e.due(20, 3, true, false, 'cpu')).toBe(true);
    e.began();
    e.restart();
    expect(e.inFlight).toBe(false);
    expect(e.lastStep).toBe(-1);
    expect(e.due(21, 0, true, true, 'cpu')).toBe(true);
  });
});
