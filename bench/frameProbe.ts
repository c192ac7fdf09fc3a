// Frame-time probe (docs/design.md#the-page-never-blocks): open the built app with 10 000 drawn trajectories while it trains,
// sample requestAnimationFrame intervals for a few seconds, report p50/p90/p99/max.
import type { Page } from 'playwright-core';
import type { FrameProbe } from './types';

export const PROBE_QUERY = 'particles=10000&steps=0';
const PROBE_SECONDS = 5;
const SETTLE_MS = 2000;
/** The engine may take a while to start (pipelines compile; SwiftShader is slow). */
const START_TIMEOUT_MS = 60_000;

/** Page-side: rAF timestamps differences over SECONDS seconds. */
const SAMPLE_FRAMES = `new Promise((resolve) => {
  const out = [];
  let first = -1, last = -1;
  const tick = (ts) => {
    if (first < 0) first = ts; else out.push(ts - last);
    last = ts;
    if (ts - first < SECONDS * 1000) requestAnimationFrame(tick); else resolve(out);
  };
  requestAnimationFrame(tick);
})`;

/** q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** The app's live step counter (src/ui/Transport.tsx, data-testid="step-count"), or null. */
async function stepCount(page: Page): Promise<number | null> {
  const el = page.locator('[data-testid="step-count"]');
  if (await el.count() === 0) return null;
  const n = Number((await el.first().textContent())?.trim());
  return Number.isFinite(n) ? n : null;
}

/** Wait until the step counter moves; press Play (data-testid="play", aria-pressed=false) if it does not. */
async function ensureTraining(page: Page): Promise<string> {
  const moving = async (ms: number): Promise<boolean> => {
    const start = await stepCount(page);
    for (let waited = 0; waited < ms; waited += 500) {
      await page.waitForTimeout(500);
      const now = await stepCount(page);
      if (start !== null && now !== null && now > start) return true;
    }
    return false;
  };
  if (await moving(START_TIMEOUT_MS)) return 'training started';
  const play = page.locator('[data-testid="play"][aria-pressed="false"]');
  if (await play.count() > 0 && await play.first().isEnabled()) {
    await play.first().click({ timeout: 5000 });
    if (await moving(START_TIMEOUT_MS)) return 'training (pressed Play)';
  }
  return (await stepCount(page)) === null ? 'training not confirmed (no step counter found)' : 'training not confirmed (step counter did not move)';
}

export async function probeFrames(page: Page, url: string): Promise<FrameProbe> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (!response || !response.ok()) return { ok: false, reason: `app page answered ${response?.status() ?? 'nothing'} (${url})` };
    await page.waitForTimeout(SETTLE_MS);
    const state = await ensureTraining(page);
    const stepsBefore = await stepCount(page);
    // a string, not a function: tsx (esbuild keepNames) would wrap a function in __name(), which
    // does not exist in the page
    const intervals = await page.evaluate(SAMPLE_FRAMES.replace('SECONDS', String(PROBE_SECONDS))) as number[];
    if (intervals.length === 0) return { ok: false, reason: 'no animation frames in the probe window' };
    const sorted = [...intervals].sort((a, b) => a - b);
    const seconds = intervals.reduce((s, x) => s + x, 0) / 1000;
    const stepsAfter = await stepCount(page);
    const rateText = (await page.locator('[data-testid="steps-per-sec"]').first().textContent().catch(() => null))?.trim();
    const trained = stepsBefore === null || stepsAfter === null ? ''
      : stepsAfter > stepsBefore ? `, ${stepsAfter - stepsBefore} steps during the probe`
        : `, but NO step during the probe (stuck at ${stepsAfter})`;
    const note = `app, 10 000 trajectories, ${state}${trained}${rateText ? `, app says ${rateText}` : ''}${errors.length ? `; page errors: ${errors[0]}` : ''}`;
    return { ok: true, url, frames: intervals.length, seconds, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1], note };
  } catch (err) {
    return { ok: false, reason: `app page failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}
