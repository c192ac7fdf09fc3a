// Browser mode: build the bench page with Vite, serve it on 127.0.0.1, run it in headless Debian
// Chromium (WebGPU on), collect the report, then probe the app's frame times.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from './plan';
import { probeFrames, PROBE_QUERY } from './frameProbe';
import { measureInsight } from './timeToInsight';
import { serveStatic } from './staticServer';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium';
import { PROGRESS_PREFIX, type BenchReport, type FrameProbe } from './types';

/** The whole suite on SwiftShader can take many minutes; a hung page still ends. */
const PAGE_TIMEOUT_MS = 60 * 60 * 1000;

type PageState = { state: 'running' } | { state: 'done'; report: BenchReport } | { state: 'error'; message: string };

async function buildBenchPage(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'bench', 'vite.config.ts'), logLevel: 'warn' });
}

export async function runBrowser(args: BenchArgs, root: string, progress: (line: string) => void): Promise<BenchReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH (or use --node)`);
  const appDist = join(root, 'dist');
  const appBuilt = existsSync(join(appDist, 'index.html'));
  if (args.insightOnly) return runInsightOnly(appBuilt, appDist, progress);
  progress('building the bench page (vite build --config bench/vite.config.ts)');
  await buildBenchPage(root);
  const server = await serveStatic({ '/bench/': join(root, 'bench', 'dist'), ...(appBuilt ? { '/app/': appDist } : {}) });
  const profile = await mkdtemp(join(tmpdir(), 'flowvar-bench-'));
  const { chromium } = await import('playwright-core');
  // headless: false + --headless=new in args: Playwright adds nothing, Chromium gets our flags as written.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: false, args: [...CHROMIUM_ARGS] });
  const external = new Set<string>();
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(server.origin) && !/^(data|blob|about|chrome|devtools):/.test(url)) external.add(url);
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith(PROGRESS_PREFIX)) progress(text.slice(PROGRESS_PREFIX.length));
      else if (msg.type() === 'error') pageErrors.push(text);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const url = `${server.origin}/bench/index.html?plan=${encodeURIComponent(JSON.stringify(args.plan))}`;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__flowvarBench?.state !== 'running', null, { timeout: PAGE_TIMEOUT_MS, polling: 500 });
    const state = await page.evaluate(() => window.__flowvarBench) as PageState | undefined;
    if (!state || state.state !== 'done') {
      const why = state?.state === 'error' ? state.message : 'the page published no report';
      throw new Error(`bench page failed: ${why}${pageErrors.length ? `\n  page errors: ${pageErrors.slice(0, 3).join('\n  ')}` : ''}`);
    }
    const report = state.report;
    report.notes.push(...pageErrors.slice(0, 3).map((e) => `page console error: ${e}`));
    let probe: FrameProbe;
    if (!args.probe) probe = { ok: false, reason: 'skipped (--no-probe)' };
    else if (!appBuilt) probe = { ok: false, reason: 'app not built (run `npm run build` first; looked for dist/index.html)' };
    else {
      progress('frame probe: opening the app with 10 000 trajectories');
      const appPage = await context.newPage();
      probe = await probeFrames(appPage, `${server.origin}/app/index.html?${PROBE_QUERY}`);
      await appPage.close();
    }
    report.frameProbe = probe;
    if (args.probe && appBuilt) {
      progress('time to insight: the rotated and σ chapters on each engine');
      report.insight = await measureInsight(context, `${server.origin}/app/index.html`);
    }
    if (external.size > 0) report.notes.push(`requests outside 127.0.0.1 (nothing should leave the machine): ${[...external].slice(0, 5).join(', ')}`);
    return report;
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** `--insight`: only the time-to-insight row, on the built app. */
async function runInsightOnly(appBuilt: boolean, appDist: string, progress: (line: string) => void): Promise<BenchReport> {
  if (!appBuilt) throw new Error('app not built: run `npm run build` first (looked for dist/index.html)');
  const server = await serveStatic({ '/app/': appDist });
  const profile = await mkdtemp(join(tmpdir(), 'flowvar-bench-'));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: false, args: [...CHROMIUM_ARGS] });
  try {
    progress('time to insight: the rotated and σ chapters on each engine');
    const insight = await measureInsight(context, `${server.origin}/app/index.html`);
    return { mode: 'browser', runtime: 'Chromium', adapter: null, plan: { sizes: [], depth: 3, quick: true, targetSeconds: 0, warmupSteps: 0, integrate: { steps: 0, gpuParticles: 0, cpuParticles: 0 }, tfjs: false }, train: [], integrate: [], notes: [], insight };
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
