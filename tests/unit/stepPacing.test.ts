// stepPacing.ts: how many steps the runners ask for per call.
import { describe, expect, it } from 'vitest';
import { STEP_CALL_BUDGET_MS, StepPacer } from '../../src/state/stepPacing';

describe('StepPacer', () => {
  it('plan() sends `speed` steps before any rate is known, never past the target', () => {
    const p = new StepPacer();
    expect(p.plan(true, 20, Infinity, 0)).toEqual({ kind: 'steps', n: 20, single: false });
    expect(p.plan(true, 20, 7, 0)).toEqual({ kind: 'steps', n: 7, single: false });
    expect(p.plan(true, 20, 0, 0)).toEqual({ kind: 'finished' });
  });

  it('paused: one step per Step press, else idle', () => {
    const p = new StepPacer();
    expect(p.plan(false, 20, Infinity, 2)).toEqual({ kind: 'steps', n: 1, single: true });
    expect(p.plan(false, 20, Infinity, 0)).toEqual({ kind: 'idle' });
  });

  it('at 40 ms per step a call carries 6 steps (≤ 250 ms), not the 50 the speed asks for', () => {
    const p = new StepPacer();
    p.measured(50, 2000); // 40 ms per step
    expect(p.plan(true, 50, Infinity, 0)).toEqual({ kind: 'steps', n: Math.floor(STEP_CALL_BUDGET_MS / 40), single: false });
    expect(Math.floor(STEP_CALL_BUDGET_MS / 40)).toBe(6);
  });

  it('a call stuck behind a 3 s evaluation lowers n to 1, and fast calls bring it back to speed', () => {
    const p = new StepPacer();
    p.measured(10, 10); // 1 ms per step
    expect(p.plan(true, 100, Infinity, 0)).toMatchObject({ n: 100 });
    p.measured(10, 3000); // queued behind an evaluation
    expect(p.plan(true, 100, Infinity, 0)).toMatchObject({ n: 2 });
    for (let i = 0; i < 20; i++) p.measured(1, 1);
    expect(p.plan(true, 100, Infinity, 0)).toMatchObject({ n: 100 });
    p.reset();
    expect(p.msPerStep).toBe(0);
  });
});
