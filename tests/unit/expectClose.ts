// expectClose(a, b, { rel, abs }): numbers or arrays agree within a tolerance written at the call
// site (STYLE rule 12): |a − b| ≤ abs + rel · max(|a|, |b|), element by element.
import { expect } from 'vitest';

export interface Tolerance {
  rel?: number;
  abs?: number;
}

type Numbers = number | ArrayLike<number>;

export function expectClose(actual: Numbers, expected: Numbers, tol: Tolerance): void {
  const rel = tol.rel ?? 0, abs = tol.abs ?? 0;
  if (!(rel > 0 || abs > 0)) throw new Error('expectClose needs a tolerance: { rel } and/or { abs }');
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const b = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, 'length').toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const limit = abs + rel * Math.max(Math.abs(a[i]), Math.abs(b[i]));
    const diff = Math.abs(a[i] - b[i]);
    if (!(diff <= limit)) {
      const where = a.length > 1 ? ` at [${i}]` : '';
      expect.fail(`${a[i]} is not within ${limit.toExponential(2)} of ${b[i]}${where} (|diff| = ${diff.toExponential(3)}, rel ${rel}, abs ${abs})`);
    }
  }
}
