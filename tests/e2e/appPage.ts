// Helpers for the explorable's e2e tests: tiny CPU links, the store through the page's debug hook
// (window.__flowvar, src/main.tsx), pixel checks of the panels' 2-D canvases, and axe-core's report.
import type { Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { encodeConfig } from '../../src/link/url';
import type { RunConfig } from '../../src/engine/runConfig';
import { CHAPTERS, type Chapter } from '../../src/story/chapters';
import { expect } from 'vitest';
import { appUrl } from './harness';
import type { Message } from '../../src/i18n/message';
import { panelInfo } from '../../src/story/panelList';

/** Sizes that keep every e2e run to seconds on the CPU worker (2-core machine). */
export const TINY: Partial<RunConfig> = { width: 16, depth: 1, batch: 64, particles: 64, odeSteps: 8 };

/** The query of a config on the CPU engine (forced: SwiftShader WebGPU is slower than the worker). */
export function cpuQuery(config: RunConfig): string {
  return `${encodeConfig(config)}&engine=cpu`;
}

export interface PageState {
  step: number;
  playing: boolean;
  finished: boolean;
  engine: string | null;
  error: Message | null;
  evalStep: number | null;
  markers: string[];
  config: RunConfig;
  search: string;
}

export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const hook = window.__flowvar;
    if (!hook) throw new Error('no window.__flowvar hook');
    const s = hook.store.getState();
    return {
      step: s.stepCount, playing: s.playing, finished: s.finished, engine: s.engine.kind, error: s.error?.message ?? null,
      evalStep: s.evaluation?.metrics.step ?? null, markers: s.markers.map((m) => m.label), config: s.config, search: location.search,
    };
  });
}

// Every wait polls the page on a 100 ms timer, not per animation frame (Playwright's default): a
// software-rendered page can go seconds without a frame while it trains.
/** Waits until the run has taken at least `steps` steps (and fails fast on a page error state). */
export async function waitForStep(page: Page, steps: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction((n) => {
    const s = window.__flowvar?.store.getState();
    if (s?.error) throw new Error(`page error state: ${JSON.stringify(s.error.message)}`);
    return !!s && s.stepCount >= n;
  }, steps, { polling: 100, timeout: timeoutMs });
}

/** Waits for an evaluation at or after step `steps`. */
export async function waitForEvaluation(page: Page, steps: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction((n) => (window.__flowvar?.store.getState().evaluation?.metrics.step ?? -1) >= n, steps, { polling: 100, timeout: timeoutMs });
}

/** Number of non-transparent pixels in the canvas with data-testid `id`. */
export async function inkedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((tid) => {
    const c = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="${tid}"]`);
    const ctx = c?.getContext('2d');
    if (!c || !ctx || c.width === 0 || c.height === 0) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }, id);
}

/** Tick marks drawn by the D3 axes inside the panel with data-testid `panel`. */
export async function axisTicks(page: Page, panel: string): Promise<number> {
  return page.locator(`[data-testid="${panel}"] svg .axis .tick`).count();
}

/** The loss curve as stored in the page (first `n` values). */
export async function lossCurve(page: Page, n: number): Promise<number[]> {
  return page.evaluate((k) => window.__flowvar!.curve().loss.slice(0, k), n);
}

/**
 * A lost GPU device, reported through the trainer's onError as createTrainer wires it
 * (src/engine/gpu.ts); returns the banner once it shows.
 */
export async function simulateDeviceLoss(page: Page): Promise<Locator> {
  await page.evaluate(() => {
    const t = window.__flowvar!.runner.current as unknown as { onError: ((f: { kind: string; message: string }) => void) | null };
    t.onError?.({ kind: 'device-lost', message: 'GPU device lost: simulated by the test' });
  });
  const banner = page.getByTestId('error-device-lost');
  await banner.waitFor();
  return banner;
}

/** A finger drag from (x, y) in `moves` steps of (dx, dy) page pixels, through the Chrome DevTools protocol (pointerType "touch"). */
export async function touchDrag(page: Page, x: number, y: number, dx: number, dy: number, moves: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= moves; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + dx * k, y: y + dy * k }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A part of a dropped file: text, or `bytes` bytes of `repeat` made in the page (a 100 MB file never crosses the test's pipe). */
export type FilePart = string | { repeat: string; bytes: number };

/** Drops a file named `name` holding `contents` (text, or parts) on the page's main area, as a file manager does. */
export async function dropFile(page: Page, name: string, contents: string | FilePart[], type = 'text/plain'): Promise<void> {
  const transfer = await page.evaluateHandle(([n, ps, ty]) => {
    const MB = 2 ** 20;
    const blobs = ps.map((p) => {
      if (typeof p === 'string') return p;
      const chunk = new TextEncoder().encode(p.repeat.repeat(Math.ceil(MB / p.repeat.length)).slice(0, MB));
      const whole = Math.floor(p.bytes / MB);
      return new Blob([...Array.from({ length: whole }, () => chunk), chunk.slice(0, p.bytes - whole * MB)]);
    });
    const dt = new DataTransfer();
    dt.items.add(new File(blobs, n, { type: ty }));
    return dt;
  }, [name, typeof contents === 'string' ? [contents] : contents, type] as const);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/**
 * A new page at `width`×`height` opened on `query`, walked through the story's chapters with Next:
 * `visit` runs once each chapter's card is shown. The page stays open for what comes after.
 */
export async function walkChapters(
  browser: { newPage(): Promise<Page> }, [width, height]: readonly [number, number], query: string,
  visit: (chapter: Chapter, page: Page) => Promise<void>,
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(appUrl(query));
  await page.getByTestId('explain').waitFor();
  for (const [i, chapter] of CHAPTERS.entries()) {
    if (i > 0) await page.getByTestId('chapter-next').click();
    await expect.poll(() => page.getByTestId('explain').getAttribute('data-chapter')).toBe(chapter.id);
    await visit(chapter, page);
  }
  return page;
}

export interface ChapterBoxes { look: string; target: string; bottom: number; outside: string[] }

/**
 * The boxes of the card's "Look for" line and the chapter's target (its panel's plot, or its marked
 * readout row), and which of them leave the visible area (above the phone's fixed Play / σ bar).
 */
export async function chapterBoxes(page: Page, chapter: Chapter): Promise<ChapterBoxes> {
  const readout = chapter.look.target.kind === 'readout' ? chapter.look.target.metric : null;
  return page.evaluate(([anchorId, metric]) => {
    const panel = document.getElementById(anchorId)!;
    const target = (metric ? panel.querySelector(`[data-metric="${metric}"]`) : panel.querySelector('.plot')) ?? panel;
    const look = document.querySelector('[data-testid="story-look"]')!.closest('.story-foot')!;
    const bar = document.querySelector('[data-testid="phone-bar"]');
    const bottom = bar ? bar.getBoundingClientRect().top : innerHeight;
    const fmt = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const outside: string[] = [];
    for (const [name, el] of [['look', look], ['target', target]] as const) {
      const r = el.getBoundingClientRect();
      if (!(r.height > 0 && r.top >= -0.5 && r.bottom <= bottom + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5)) outside.push(`${name} ${fmt(r)}`);
    }
    return { look: fmt(look.getBoundingClientRect()), target: fmt(target.getBoundingClientRect()), bottom, outside };
  }, [panelInfo(chapter.panel).anchor, readout] as const);
}

export interface AxeReport {
  /** serious and critical violations, as "rule: target summary" lines (empty when clean) */
  serious: string[];
  /** ids of the rules that ran, and of those that passed */
  ran: string[];
  passed: string[];
}

/** axe-core over the page as it is now. */
export async function axeReport(page: Page): Promise<AxeReport> {
  const result = await new AxeBuilder({ page }).analyze();
  return {
    serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)),
    ran: [...result.passes, ...result.violations, ...result.incomplete].map((r) => r.id),
    passed: result.passes.map((r) => r.id),
  };
}
