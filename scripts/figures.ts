// `npm run figures`: the README's picture, taken from the real built page. Builds the site
// (vite build → dist/), serves it as a static host would (bench/staticServer.ts), opens the
// story's rotated-pairs chapter in headless Chromium, lets it train to the chapter's step target
// and its last evaluation, and writes a screenshot of the first screen to docs/images/flowvar.png.
// Nothing in the picture is drawn by hand: rerun it after a change to the page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../bench/chromium';
import { serveStatic } from '../bench/staticServer';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs', 'images', 'flowvar.png');
/** The chapter the picture shows: rotated pairs at σ = 0, the flow returning each x0 to its partner (on the CPU engine, which every machine has: the picture is the same everywhere). */
const LINK = 'chapter=rotated&engine=cpu';
/** A wide screen: the story card, σ, play, the pairs and the flow, and the gradient variance beneath. */
const VIEWPORT = { width: 1280, height: 1120 };
/** SwiftShader or the CPU worker on a small machine: the chapter's run takes a while. */
const TRAIN_TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<void> {
  const dist = join(ROOT, 'dist');
  process.env.NODE_ENV = 'production';
  await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const server = await serveStatic({ '/flowvar/': dist });
  const profile = await mkdtemp(join(tmpdir(), 'flowvar-figures-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], viewport: VIEWPORT });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const started = Date.now();
    await page.goto(`${server.origin}/flowvar/?${LINK}`);
    // trained to the chapter's target, with the evaluation of that last step drawn
    await page.waitForFunction(() => {
      const s = window.__flowvar?.store.getState();
      if (s?.error) throw new Error(`the page reports an error: ${s.error.message}`);
      return !!s && s.finished && s.evaluation?.metrics.step === s.stepCount;
    }, undefined, { timeout: TRAIN_TIMEOUT_MS, polling: 500 });
    const { step, engine } = await page.evaluate(() => {
      const s = window.__flowvar!.store.getState();
      return { step: s.stepCount, engine: `${s.engine.kind} (${s.engine.adapterName})` };
    });
    await page.screenshot({ path: OUT });
    console.log(`${OUT}: ${LINK}, ${step} steps on ${engine}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`figures: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
