// End-to-end harness: the globalSetup that builds the page once (vite build → dist/) and serves it
// on http://127.0.0.1:<free port>/flowvar/ (a sub-path, as a static host would: docs/deploy.md#static-hosting), and the
// helpers e2e tests use to drive headless Chromium with WebGPU (SwiftShader when no GPU).
//
//   import { launchBrowser, appUrl, watchPage } from './harness';
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(appUrl('seed=3&sigma=0.1'));
//
// FLOWVAR_E2E_URL=http://127.0.0.1:5173/ skips the build and tests a running server instead.
// Two runs can share one build (scripts/test.mjs runs the soak beside the other files): the one with
// FLOWVAR_E2E_BUILD_MARKER=FILE writes FILE once dist/ is built, the one with
// FLOWVAR_E2E_AWAIT_BUILD=FILE waits for it and serves that dist/.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../bench/staticServer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../bench/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built page, ending in '/' */
    e2eBaseUrl: string;
    /** why `vite build` failed, or null */
    e2eBuildError: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The page is served below this path, so every asset URL must be relative (vite base './'). */
export const SUB_PATH = '/flowvar/';
/** A blank page on the same origin, for checks that need no app (e.g. the WebGPU adapter). */
export const BLANK_PATH = '/__e2e__/blank.html';
const BLANK_PAGE = '<!doctype html><meta charset="utf-8"><title>blank</title>';

/** SwiftShader runs WebGPU on the CPU: page actions get a generous default timeout. */
export const E2E_TIMEOUT_MS = 60_000;

/** Builds the page into `outDir` as it ships; `env` is set while it builds (e.g. FLOWVAR_BUILD_ID). */
export async function buildPage(outDir: string, env: Record<string, string> = {}): Promise<void> {
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would bundle React's development runtime: test what ships.
  const saved = Object.fromEntries(['NODE_ENV', ...Object.keys(env)].map((k) => [k, process.env[k]]));
  Object.assign(process.env, { NODE_ENV: 'production', ...env });
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

/** Vitest globalSetup (vite.config.ts, project e2e): build once, serve, hand the URL to the tests. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.FLOWVAR_E2E_URL;
  if (external) {
    project.provide('e2eBaseUrl', external.endsWith('/') ? external : `${external}/`);
    project.provide('e2eBuildError', null);
    return async () => {};
  }
  let buildError: string | null = null;
  const awaited = process.env.FLOWVAR_E2E_AWAIT_BUILD;
  if (awaited) buildError = await otherRunsBuild(awaited);
  else {
    try {
      await buildPage(DIST);
    } catch (e) {
      // keep serving: the checks that need no app (the WebGPU adapter) still run and say so
      buildError = e instanceof Error ? e.message : String(e);
    }
    const marker = process.env.FLOWVAR_E2E_BUILD_MARKER;
    if (marker) writeFileSync(marker, JSON.stringify({ buildError }));
  }
  // served under a sub-path, as a static host would; '/' redirects there
  const server = await serveStatic({ [SUB_PATH]: DIST }, { pages: { [BLANK_PATH]: BLANK_PAGE }, redirect: SUB_PATH });
  project.provide('e2eBaseUrl', `${server.origin}${SUB_PATH}`);
  project.provide('e2eBuildError', buildError);
  return () => server.close();
}

/** Waits for the marker of the run that builds dist/; its build error, or null. */
async function otherRunsBuild(marker: string): Promise<string | null> {
  const deadline = Date.now() + 15 * 60_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) return `no build: ${marker} was not written within 15 minutes`;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return (JSON.parse(readFileSync(marker, 'utf8')) as { buildError: string | null }).buildError;
}

function provided<K extends 'e2eBaseUrl' | 'e2eBuildError'>(key: K): ReturnType<typeof inject<K>> | undefined {
  try {
    return inject(key);
  } catch {
    return undefined; // loaded as the globalSetup module, outside a test worker
  }
}

/** URL of the built page (ends in '/'), e.g. http://127.0.0.1:40123/flowvar/ */
export const baseUrl: string = provided('e2eBaseUrl') ?? '';

/** The page with a share-link query string: appUrl('seed=3&sigma=0.1'). Throws if the build failed. */
export function appUrl(query = ''): string {
  const error = provided('e2eBuildError');
  if (error) throw new Error(`vite build failed, no page to test: ${error}`);
  const q = query.replace(/^[?#]/, '');
  return q ? `${baseUrl}?${q}` : baseUrl;
}

/** Same-origin blank page (no app). */
export function blankUrl(): string {
  return new URL(BLANK_PATH, baseUrl).href;
}

export interface E2EBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** closes Chromium and removes its fresh profile directory */
  close(): Promise<void>;
}

/** Headless Chromium with WebGPU (SwiftShader without a GPU), in a fresh profile directory. */
export async function launchBrowser(): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'flowvar-e2e-'));
  // Playwright takes the profile as an argument: it refuses --user-data-dir among `args`
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  let first: Page | undefined = context.pages()[0];
  return {
    context,
    async newPage() {
      if (first) { const p = first; first = undefined; return p; }
      return context.newPage();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One Chromium for a test file: launched before its tests and closed after them (registers both hooks). */
export function sharedBrowser(): Pick<E2EBrowser, 'newPage'> & { readonly context: BrowserContext } {
  let launched: E2EBrowser | null = null;
  beforeAll(async () => { launched = await launchBrowser(); });
  afterAll(async () => { await launched?.close(); });
  const need = (): E2EBrowser => {
    if (!launched) throw new Error('sharedBrowser(): the browser is not launched yet (use it inside a test)');
    return launched;
  };
  return { newPage: () => need().newPage(), get context() { return need().context; } };
}

export interface PageWatch {
  /** console errors and uncaught exceptions, in order */
  errors: string[];
  /** requests that left 127.0.0.1 (docs/design.md#no-network-at-run-time) */
  externalRequests: string[];
}

/** Starts recording a page's errors and off-machine requests. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], externalRequests: [] };
  page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '127.0.0.1') watch.externalRequests.push(r.url());
  });
  return watch;
}

/** Text of the element with data-testid `id`. */
export async function textOf(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(id).first().textContent()) ?? '';
}

/** Waits until the text of data-testid `id` differs from `before`; returns the new text. */
export async function waitForTextChange(page: Page, id: string, before: string, timeoutMs = E2E_TIMEOUT_MS): Promise<string> {
  await page.waitForFunction(
    ([tid, old]) => { const el = document.querySelector(`[data-testid="${tid}"]`); return !!el && (el.textContent ?? '') !== old; },
    // interval polling: requestAnimationFrame polling can starve while SwiftShader keeps the page busy
    [id, before] as const, { timeout: timeoutMs, polling: 100 },
  );
  return textOf(page, id);
}
