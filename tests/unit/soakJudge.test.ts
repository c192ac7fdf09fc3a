// The soak's verdict (bench/soak/soak.ts judgeSoak) on made-up samples: the training check passes
// only when the step counter read on the page rises in every chapter visit; a counter that could
// not be read (NaN: it once read "1,600" as a number) fails it instead of passing.
import { describe, expect, it } from 'vitest';
import { judgeSoak, soakOptions, type SoakReport, type SoakSample } from '../../bench/soak/soak';

/** Three rounds of two chapter visits, two samples each, the counter given per sample. */
function report(stepShown: (i: number) => number): SoakReport {
  const samples: SoakSample[] = Array.from({ length: 12 }, (_, i) => ({
    t: i * 5, chapter: i % 4 < 2 ? 'lines' : 'compare', heap: 7e6, frameMedian: 16.7, frameP95: 17, frameCpu: 8, mainBusy: 0.5,
    sinceSwitch: (i % 2) * 10, cycle: Math.floor(i / 4), stepShown: stepShown(i),
    curves: [{ length: 100, capacity: 4096, step: 100 * i, lastStored: 100 * i, tailPoints: 256 }], error: null, ready: true,
  }));
  return { options: soakOptions(2), samples, pageErrors: [], chapterSwitches: 6 };
}

const training = (r: SoakReport) => judgeSoak(r).find((c) => c.name === 'training')!;

describe('judgeSoak: the step counter', () => {
  it('passes when the counter rises in every visit, and every other check passes on level samples', () => {
    const checks = judgeSoak(report((i) => 10 + 50 * (i % 2)));
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(training(report((i) => 10 + 50 * (i % 2))).detail).toContain('rose in each of 6 chapter visits');
  });

  it('fails when the counter stands still in a visit', () => {
    expect(training(report((i) => (i === 5 ? 10 : 10 + 50 * (i % 2)))).ok).toBe(false);
  });

  it('fails when the counter cannot be read', () => {
    expect(training(report(() => NaN)).ok).toBe(false);
  });
});
