// Time to insight (docs/design.md#what-the-app-shows: each effect within seconds): open the built app on each engine and measure the seconds
// from navigation until (a) the rotated-pairing chapter shows a reproduction of at least 90 % and
// (b) the σ chapter shows a gradient variance at least 10× the σ = 0 chapter's at the same step
// (the σ = 0 curve is the one run (a) drew, on the same engine). Times are the page's own
// performance.now() (milliseconds since navigation) when the condition was first seen (polled
// every 100 ms). A benchmark: nothing passes or fails.
import type { BrowserContext, Page } from 'playwright-core';
import type { InsightRow } from './types';

/** Longest wait for either insight on one engine. */
const INSIGHT_TIMEOUT_MS = 120_000;
export const REPRODUCTION_GOAL = 0.9;
export const VARIANCE_FACTOR = 10;

interface Curve { step: number[]; ema: number[] }

/** Page-side: the σ = 0 curve so far (steps and the EMA of the gradient variance). */
const READ_CURVE = `(() => {
  const c = window.__flowvar.store.getState().curves;
  return { step: Array.from(c.columns.step.subarray(0, c.length)), ema: Array.from(c.columns.gradVarEma.subarray(0, c.length)) };
})()`;

/** (a): the rotated chapter until reproduction ≥ 90 %; returns seconds, the engine and the σ = 0 curve. */
async function reproductionInsight(page: Page, url: string): Promise<{ seconds: number | null; engine: string; curve: Curve; note: string }> {
  await page.goto(url, { waitUntil: 'load' });
  let seconds: number | null = null;
  try {
    const handle = await page.waitForFunction((goal) => {
      const s = window.__flowvar?.store.getState();
      if (s?.error) throw new Error(JSON.stringify(s.error.message));
      return s && s.evaluation && s.evaluation.metrics.reproduction >= goal ? performance.now() : false;
    }, REPRODUCTION_GOAL, { polling: 100, timeout: INSIGHT_TIMEOUT_MS });
    seconds = (await handle.jsonValue() as number) / 1000;
  } catch (err) {
    seconds = null;
    void err;
  }
  // keep training a little so the σ = 0 curve covers the steps run (b) will reach
  await page.waitForTimeout(seconds === null ? 0 : Math.min(10_000, 1000 * seconds));
  const state = await page.evaluate(() => {
    const s = window.__flowvar!.store.getState();
    return { engine: s.engine.adapterName || String(s.engine.kind), step: s.stepCount, repro: s.evaluation?.metrics.reproduction ?? null };
  });
  const curve = await page.evaluate(READ_CURVE) as Curve;
  const note = `rotated: ${state.step} steps, reproduction ${state.repro === null ? '—' : `${(100 * state.repro).toFixed(1)} %`}`;
  return { seconds, engine: state.engine, curve, note };
}

/** (b): the σ chapter until its variance EMA is ≥ 10× the σ = 0 curve's at the same step. */
async function varianceInsight(page: Page, url: string, reference: Curve): Promise<{ seconds: number | null; note: string }> {
  await page.goto(url, { waitUntil: 'load' });
  try {
    const handle = await page.waitForFunction(([ref, factor]) => {
      const s = window.__flowvar?.store.getState();
      if (s?.error) throw new Error(JSON.stringify(s.error.message));
      const c = s?.curves;
      if (!c || c.length === 0 || ref.step.length === 0) return false;
      const step = c.columns.step[c.length - 1], ema = c.columns.gradVarEma[c.length - 1];
      if (step > ref.step[ref.step.length - 1]) return false; // beyond the σ = 0 curve: no comparison
      let i = 0;
      while (i + 1 < ref.step.length && ref.step[i + 1] <= step) i++;
      return ema >= factor * ref.ema[i] ? { t: performance.now(), step, ema, ref: ref.ema[i] } : false;
    }, [reference, VARIANCE_FACTOR] as const, { polling: 100, timeout: INSIGHT_TIMEOUT_MS });
    const r = await handle.jsonValue() as { t: number; step: number; ema: number; ref: number };
    return { seconds: r.t / 1000, note: `σ = 0.3: ${r.ema.toPrecision(3)} at step ${r.step} against ${r.ref.toPrecision(3)} at σ = 0` };
  } catch (err) {
    return { seconds: null, note: `σ chapter: not within ${INSIGHT_TIMEOUT_MS / 1000} s (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
}

/** One row per engine: the app at `appUrl` (ending in index.html) opened with `engine=<kind>`. */
export async function measureInsight(context: BrowserContext, appUrl: string, engines: readonly ('cpu' | 'gpu')[] = ['cpu', 'gpu']): Promise<InsightRow[]> {
  const rows: InsightRow[] = [];
  for (const engine of engines) {
    const page = await context.newPage();
    try {
      const a = await reproductionInsight(page, `${appUrl}?chapter=rotated&engine=${engine}`);
      const b = await varianceInsight(page, `${appUrl}?chapter=noise&engine=${engine}`, a.curve);
      rows.push({ engine, device: a.engine, reproductionSeconds: a.seconds, varianceSeconds: b.seconds, note: `${a.note}; ${b.note}` });
    } catch (err) {
      rows.push({ engine, device: '', reproductionSeconds: null, varianceSeconds: null, note: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
    } finally {
      await page.close();
    }
  }
  return rows;
}
