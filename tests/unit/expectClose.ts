// expectClose(a, b, { rel, abs }): numbers or arrays agree within a tolerance written at the call
// site (docs/design.md#test-names-say-what-they-prove): |a − b| ≤ abs + rel · |b| (b: the expected value), element by element.
// The one tolerance check of tests/unit and tests/gpu; the message names the worst element.
import { expect } from 'vitest';

export interface Tolerance {
  rel?: number;
  abs?: number;
}

export interface Diff {
  maxAbs: number;
  maxRel: number;
  worst: number;
}

type Numbers = number | ArrayLike<number>;

/** Largest absolute and relative (|a − b| / max(|b|, floor)) difference, for logging. */
export function diff(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3): Diff {
  expect(a.length).toBe(b.length);
  let maxAbs = 0, maxRel = 0, worst = -1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= maxAbs) || Number.isNaN(d)) { maxAbs = Number.isNaN(d) ? Infinity : d; worst = i; }
    const r = d / Math.max(Math.abs(b[i]), floor);
    if (!(r <= maxRel)) maxRel = Number.isNaN(r) ? Infinity : r;
  }
  return { maxAbs, maxRel, worst };
}

/** Every element within `abs` + `rel`·|expected| (NaN never is); returns the differences. */
export function expectClose(actual: Numbers, expected: Numbers, tol: Tolerance, what = 'values'): Diff {
  const rel = tol.rel ?? 0, abs = tol.abs ?? 0;
  if (!(rel > 0 || abs > 0)) throw new Error('expectClose needs a tolerance: { rel } and/or { abs }');
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const b = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, `${what}: length`).toBe(b.length);
  let bad = -1, badExcess = 0;
  for (let i = 0; i < a.length; i++) {
    const excess = Math.abs(a[i] - b[i]) - (abs + rel * Math.abs(b[i]));
    if (!(excess <= 0) && (bad < 0 || !(excess <= badExcess))) { bad = i; badExcess = excess; }
  }
  if (bad >= 0) {
    const limit = abs + rel * Math.abs(b[bad]);
    const where = a.length > 1 ? `[${bad}]` : '';
    expect.fail(`${what}${where}: ${a[bad]} is not within ${limit.toExponential(2)} of ${b[bad]} (|diff| = ${Math.abs(a[bad] - b[bad]).toExponential(3)}, rel ${rel}, abs ${abs})`);
  }
  return diff(a, b);
}
