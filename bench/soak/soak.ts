// The soak (docs/design.md#the-page-never-blocks): the built page trains on the CPU worker for a given time while the
// story's chapters are switched with their keys (1–8), as a student leaving the page open would.
// Every few seconds it samples the JS heap (after a forced garbage collection), the curve buffers,
// the rAF frame times and the step counter; `judgeSoak` turns the samples into pass/fail checks.
// Used by `npm run soak` (bench/soak/main.ts) and by the short version in tests/e2e/soak.test.ts.
import type { CDPSession, Page } from 'playwright-core';
import { CHAPTERS } from '../../src/story/chapters';

export interface SoakOptions {
  /** total training time */
  minutes: number;
  /** a chapter key every this many seconds */
  chapterSeconds: number;
  /** the chapters visited in turn (1-based, their keys); one round of them is a cycle */
  chapters: number[];
  /** a sample every this many seconds */
  sampleSeconds: number;
  /** called with one line per sample */
  log?: (line: string) => void;
}

/**
 * Default options for a soak of `minutes`: every chapter in turn, one every 3 minutes. A short
 * soak (under 10 minutes) cycles chapters 1 and 8 (the single run and the two runs of compare
 * mode) every 20 s, so it still sees each one come back.
 */
export function soakOptions(minutes: number): SoakOptions {
  const short = minutes < 10;
  return {
    minutes,
    chapterSeconds: short ? 20 : 180,
    chapters: short ? [1, CHAPTERS.length] : CHAPTERS.map((_, i) => i + 1),
    sampleSeconds: short ? 5 : 30,
  };
}

export interface CurveSample {
  /** stored points and the buffer's capacity */
  length: number;
  capacity: number;
  /** the step the run is at and the last step stored in the curve */
  step: number;
  lastStored: number;
  /** stored points in the last FULL_TAIL steps: the tail at full resolution */
  tailPoints: number;
}

export interface SoakSample {
  /** seconds since the soak began */
  t: number;
  chapter: string;
  /** JS heap in use after a forced garbage collection, bytes */
  heap: number;
  /** median and 95th percentile of the rAF intervals in the sample window, ms */
  frameMedian: number;
  frameP95: number;
  /** main-thread CPU time per frame in that window, ms (what the page costs, whatever the machine's load) */
  frameCpu: number;
  /** share of the window the page's main thread was on a CPU (0…1) */
  mainBusy: number;
  /** seconds since the last chapter switch when the window began (the rebuild's frames are not steady) */
  sinceSwitch: number;
  /** rounds through options.chapters completed before this sample (0: the first round, the warm-up) */
  cycle: number;
  /** the step counter shown on the page */
  stepShown: number;
  curves: CurveSample[];
  /** the page's error banner, if any */
  error: string | null;
  /** the engine (of the single run, or compare mode's) was ready: a chapter's start is not a stall */
  ready: boolean;
}

export interface SoakReport {
  options: SoakOptions;
  samples: SoakSample[];
  pageErrors: string[];
  chapterSwitches: number;
}

/** Steps whose records must all be stored (full resolution at the end of a long run). */
export const FULL_TAIL = 256;
/** Length of one frame-time window, ms. */
const FRAME_WINDOW_MS = 2000;
/** Frame windows this soon after a chapter switch show the rebuild, not the steady page. */
export const SETTLE_SECONDS = 4;

/**
 * A window whose frames were slow while the page's main thread was busy less than half of it
 * measures the machine (other processes had the cores, or the compositor waited for them), not
 * the page: slow frames of the page's own making keep its main thread busy.
 */
export function machineStalled(s: Pick<SoakSample, 'frameMedian' | 'mainBusy'>): boolean {
  return s.frameMedian > 100 && s.mainBusy < 0.5;
}

// Page-side scripts are strings: tsx (esbuild keepNames) would wrap functions in __name(), which
// the page does not have.
// The window ends by the clock (a starved page may paint once in many seconds), and so does its
// rAF loop: a loop left running would add a callback per frame and an ever-growing array per sample.
const FRAMES = `new Promise((resolve) => {
  const out = []; let last = -1, done = false;
  const tick = (ts) => { if (done) return; if (last >= 0) out.push(ts - last); last = ts; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  setTimeout(() => { done = true; resolve(out); }, ${FRAME_WINDOW_MS});
})`;

const STATE = `(() => {
  const s = window.__flowvar.store.getState();
  const buffers = s.compare ? s.compareState.runs.map((r) => r.curves) : [s.curves];
  const step = s.compare ? s.compareState.step : s.stepCount;
  const curves = buffers.map((c) => {
    const last = c.length > 0 ? c.columns.step[c.length - 1] : 0;
    let tail = 0;
    for (let i = c.length - 1; i >= 0 && c.columns.step[i] > last - ${FULL_TAIL}; i--) tail++;
    return { length: c.length, capacity: c.capacity, step, lastStored: last, tailPoints: tail };
  });
  // the counter is written in the page's locale ("1,600", "1.600", "1 600"): its digits are the number
  const shown = (document.querySelector('[data-testid="step-count"]')?.textContent ?? '').replace(/[^0-9]/g, '');
  return { chapter: s.story.chapter, stepShown: shown === '' ? NaN : Number(shown),
    curves, error: s.error ? s.error.message : null, playing: s.playing,
    ready: s.compare ? s.compareState.phase === 'ready' : s.engine.phase === 'ready' };
})()`;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/**
 * Presses Play (or Continue: one more segment) when the run stopped at its goal, and waits until
 * it plays: the soak trains all the time.
 */
async function keepPlaying(page: Page): Promise<void> {
  const play = page.locator('[data-testid="play"][aria-pressed="false"]');
  if (await play.count() === 0 || !await play.first().isEnabled()) return;
  await play.first().click();
  await page.locator('[data-testid="play"][aria-pressed="true"]').waitFor({ timeout: 5000 }).catch(() => undefined);
}

/**
 * Trains the page already loaded in `page` (a CPU link) for `options.minutes`, switching chapters
 * with their keys, and returns every sample. Never throws for what it measures: judgeSoak does.
 */
export async function runSoak(page: Page, options: SoakOptions): Promise<SoakReport> {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('Performance.enable');
  const samples: SoakSample[] = [];
  const started = Date.now();
  const end = started + options.minutes * 60_000;
  let nextChapter = started;
  let chapterSwitches = 0, switchedAt = started;
  while (Date.now() < end) {
    const windowStart = Date.now();
    if (windowStart >= nextChapter) {
      await page.keyboard.press(String(options.chapters[chapterSwitches % options.chapters.length]));
      chapterSwitches++;
      nextChapter += options.chapterSeconds * 1000;
      switchedAt = Date.now();
    }
    await keepPlaying(page);
    const sinceSwitch = (Date.now() - switchedAt) / 1000;
    const cpu0 = await threadTime(cdp);
    const frames = (await page.evaluate(FRAMES) as number[]).sort((a, b) => a - b);
    const cpu = (await threadTime(cdp)) - cpu0, wall = FRAME_WINDOW_MS / 1000;
    const frameCpu = cpu * 1000 / Math.max(1, frames.length), mainBusy = wall > 0 ? cpu / wall : 0;
    const state = await page.evaluate(STATE) as Omit<SoakSample, 't' | 'heap' | 'frameMedian' | 'frameP95' | 'frameCpu' | 'mainBusy' | 'sinceSwitch' | 'cycle'>;
    const heap = await heapAfterGc(cdp);
    // no frame in the window: the frame took at least the window
    const sample: SoakSample = { t: (Date.now() - started) / 1000, heap, frameMedian: frames.length > 0 ? quantile(frames, 0.5) : FRAME_WINDOW_MS, frameP95: frames.length > 0 ? quantile(frames, 0.95) : FRAME_WINDOW_MS, frameCpu, mainBusy, sinceSwitch, cycle: Math.floor((chapterSwitches - 1) / options.chapters.length), ...state };
    samples.push(sample);
    options.log?.(formatSample(sample));
    const wait = windowStart + options.sampleSeconds * 1000 - Date.now();
    if (wait > 0) await page.waitForTimeout(Math.min(wait, Math.max(0, end - Date.now())));
  }
  await cdp.detach().catch(() => undefined);
  return { options, samples, pageErrors, chapterSwitches };
}

export function formatSample(s: SoakSample): string {
  const curves = s.curves.map((c) => `${c.length}/${c.capacity} pts, tail ${c.tailPoints}`).join('; ');
  return `${s.t.toFixed(0).padStart(5)} s  ${s.chapter.padEnd(9)} step ${String(s.stepShown).padStart(7)}  heap ${(s.heap / 2 ** 20).toFixed(1)} MiB`
    + `  frame p50 ${s.frameMedian.toFixed(1)} ms p95 ${s.frameP95.toFixed(1)} ms cpu ${s.frameCpu.toFixed(1)} ms (busy ${(s.mainBusy * 100).toFixed(0)} %)  curves ${curves}${s.error ? `  ERROR ${s.error}` : ''}`;
}

export interface SoakCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Limits of the soak: heap growth ≤ 10 %, median frame time within 20 %. */
export const HEAP_GROWTH_LIMIT = 0.10;
export const FRAME_CHANGE_LIMIT = 0.20;

/**
 * The soak's checks. The first round through the chapters is the warm-up; the heap (mean of the
 * GC'd samples) and the median frame time of the last round are held against the second's, so
 * both rounds saw the same chapters.
 */
export function judgeSoak(report: SoakReport, opts: { requireFrames?: boolean } = {}): SoakCheck[] {
  const { samples } = report;
  const rounds = Math.max(0, ...samples.map((s) => s.cycle));
  const first = samples.filter((s) => s.cycle === 1), last = samples.filter((s) => s.cycle === rounds);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const checks: SoakCheck[] = [];
  const enough = rounds >= 2 && first.length > 0 && last.length > 0;
  checks.push({ name: 'samples', ok: enough, detail: `${samples.length} samples in ${rounds + 1} rounds through chapters ${report.options.chapters.join(', ')} (the first is the warm-up)` });
  if (enough) {
    const h0 = mean(first.map((s) => s.heap)), h1 = mean(last.map((s) => s.heap));
    const growth = h1 / h0 - 1;
    checks.push({ name: 'heap', ok: growth <= HEAP_GROWTH_LIMIT, detail: `JS heap ${(h0 / 2 ** 20).toFixed(2)} → ${(h1 / 2 ** 20).toFixed(2)} MiB from round 2 to round ${rounds + 1} (${(growth * 100).toFixed(1)} %, limit ${HEAP_GROWTH_LIMIT * 100} %)` });
    // frame windows of a steady page: not the seconds right after a chapter switch, not a stalled machine
    const settled = (xs: SoakSample[]) => xs.filter((s) => s.sinceSwitch >= SETTLE_SECONDS && !machineStalled(s));
    const stalled = samples.filter((s) => s.cycle > 0 && machineStalled(s)).length;
    const a = settled(first), b = settled(last);
    const f0 = median(a.map((s) => s.frameMedian)), f1 = median(b.map((s) => s.frameMedian));
    const change = Math.abs(f1 / f0 - 1);
    const c0 = median(a.map((s) => s.frameCpu)), c1 = median(b.map((s) => s.frameCpu));
    checks.push({
      name: 'frames', ok: a.length === 0 || b.length === 0 ? opts.requireFrames === false : change <= FRAME_CHANGE_LIMIT,
      detail: a.length === 0 || b.length === 0 ? `NOT MEASURED: no steady frame window in round ${a.length === 0 ? 2 : rounds + 1} (${stalled} windows stalled by the machine)`
        : `median frame ${f0.toFixed(1)} → ${f1.toFixed(1)} ms (${(change * 100).toFixed(1)} %, limit ${FRAME_CHANGE_LIMIT * 100} %); main-thread CPU ${c0.toFixed(1)} → ${c1.toFixed(1)} ms per frame; ${stalled} windows left out: the machine stalled the page (slow frames, main thread idle)`,
    });
  }
  const curves = samples.flatMap((s) => s.curves.map((c) => ({ s, c })));
  const over = curves.filter(({ c }) => c.length > c.capacity);
  checks.push({ name: 'curve bounds', ok: over.length === 0, detail: `max ${Math.max(0, ...curves.map(({ c }) => c.length))} stored points (capacity ${curves[0]?.c.capacity ?? '?'})` });
  // the full-resolution tail: the last FULL_TAIL steps stored one per step (once the run has them)
  const coarse = curves.filter(({ c }) => c.lastStored >= FULL_TAIL && c.tailPoints < FULL_TAIL);
  checks.push({ name: 'curve tail', ok: coarse.length === 0, detail: coarse.length === 0 ? `the last ${FULL_TAIL} steps at full resolution in every sample`
    : `${coarse.length} samples with a coarse tail, e.g. ${coarse[0].c.tailPoints} points in the last ${FULL_TAIL} steps at step ${coarse[0].c.lastStored}` });
  const maxSteps = Math.max(0, ...samples.map((s) => s.curves[0]?.step ?? 0));
  // a chapter visit: the samples between two switches; its step counter must rise from first to last
  const visits: SoakSample[][] = [];
  samples.forEach((s, i) => { if (i === 0 || s.sinceSwitch < samples[i - 1].sinceSwitch) visits.push([]); visits[visits.length - 1].push(s); });
  // from the first sample with the engine ready (a loaded machine can take seconds to start a worker)
  const running = visits.map((v) => v.slice(Math.max(0, v.findIndex((s) => s.ready)))).filter((v) => v.length >= 2 && v[0].ready);
  // not `last <= first`: a counter that cannot be read (NaN) must fail the check, not pass it
  const stuck = running.filter((v) => !(v[v.length - 1].stepShown > v[0].stepShown));
  checks.push({ name: 'training', ok: stuck.length === 0 && running.length >= 2, detail: stuck.length === 0 ? `the step counter rose in each of ${running.length} chapter visits with the engine ready (of ${visits.length}; up to ${maxSteps})`
    : `the step counter stood still through ${stuck.length} chapter visits, first at ${stuck[0][0].t.toFixed(0)} s (${stuck[0][0].chapter}, step ${stuck[0][0].stepShown})` });
  const errors = [...report.pageErrors, ...samples.flatMap((s) => (s.error ? [`banner: ${s.error}`] : []))];
  checks.push({ name: 'errors', ok: errors.length === 0, detail: errors.length === 0 ? `no page error, ${report.chapterSwitches} chapter switches` : errors.slice(0, 3).join(' | ') });
  return checks;
}
