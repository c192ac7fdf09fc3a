// Exports worth keeping (docs/classroom.md#exports): a panel's SVG and PNG carry its title, legend and the
// share link's query as a stamp (read back from the files), and the weights + settings JSON loads
// into a fresh page and continues exactly: θ and Adam's moments come back, so the next steps'
// losses equal the original run's (with zeroed moments only the first would).
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForEvaluation } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { readPngText } from '../readPngText';
import { mlpLayout } from '../../src/math/mlp';
import { mlpShape } from '../../src/engine/world';

const RUN = { ...defaultConfig(), ...TINY, pairs: 16, steps: 6, seed: 11 };

const browser = sharedBrowser();

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function save(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

/** Presses Step until the run is at `step`, one step per press. */
async function stepTo(page: Page, step: number): Promise<void> {
  for (let at = await page.evaluate(() => window.__flowvar!.store.getState().stepCount); at < step; at++) {
    await page.getByTestId('step').click();
    await page.waitForFunction((next) => window.__flowvar!.store.getState().stepCount === next, at + 1, { polling: 100 });
  }
}

async function finishedAtSix(page: Page): Promise<void> {
  await page.waitForFunction(() => { const s = window.__flowvar?.store.getState(); return !!s && s.finished && s.weights?.step === 6; }, null, { polling: 100, timeout: 60_000 });
}

describe('exports', () => {
  it('SVG and PNG figures carry the title, the legend and the share query; the weights file continues a run exactly', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery(RUN)));
    await finishedAtSix(page);
    const stamp = await page.evaluate(() => new URL(window.__flowvar!.shareLink()).search.slice(1));
    expect(stamp).toContain('seed=11');

    const svg = await save(page, 'svg-flow');
    expect(svg.name).toBe('flowvar-flow.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('<title>Learned flow</title>');
    expect(text).toContain('— paths from training x0'); // the legend
    expect(text).toMatch(/<image [^>]*href="data:image\/png;base64,/); // the canvas layer
    const stampAttr = /data-stamp="([^"]*)"/.exec(text)?.[1].replace(/&amp;/g, '&');
    expect(stampAttr).toBe(stamp);
    expect(text).toMatch(/data-version="flowvar 0\.1\.0 \(build [0-9a-f]{10}\)"/); // which flowvar made it
    const lines = Array.from(text.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g), (m) => m[1].replace(/&amp;/g, '&'));
    expect(lines.join('')).toBe(stamp); // the visible stamp, wrapped over lines

    const png = await save(page, 'png-gradvar');
    expect(png.name).toBe('flowvar-gradvar.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const plotHeight = await page.evaluate(() => document.querySelector('[data-testid="panel-gradvar"] .plot')!.getBoundingClientRect().height);
    const dpr = await page.evaluate(() => Math.min(3, Math.max(1, devicePixelRatio)));
    expect(png.bytes.readUInt32BE(20) / dpr).toBeGreaterThan(plotHeight + 40); // title and stamp around the plot
    expect(readPngText(new Uint8Array(png.bytes)).flowvar).toBe(stamp);
    expect(readPngText(new Uint8Array(png.bytes))['flowvar-version']).toMatch(/^flowvar 0\.1\.0 \(build [0-9a-f]{10}\)$/);

    // weights: save at step 6, then the original run's steps 7–9
    const weights = await save(page, 'weights-save');
    expect(weights.name).toBe('flowvar-weights-step6.json');
    const file = JSON.parse(weights.bytes.toString('utf8')) as { version: number; step: number; theta: number[]; m: number[]; v: number[]; config: { seed: number } };
    expect(file.version).toBe(2);
    expect(file.step).toBe(6);
    expect(file.config.seed).toBe(11);
    const count = mlpLayout(mlpShape(RUN)).paramCount;
    expect([file.theta.length, file.m.length, file.v.length]).toEqual([count, count, count]);
    expect(file.v.some((x) => x > 0)).toBe(true);
    await stepTo(page, 9);
    const original = await page.evaluate(() => window.__flowvar!.curve());
    expect(original.step.slice(-3)).toEqual([7, 8, 9]);
    await page.close();

    // a fresh page on another seed, paused: load the file, take three steps
    const fresh = await browser.newPage();
    await fresh.goto(appUrl(`${cpuQuery({ ...RUN, seed: 5 })}&autoplay=false`));
    await waitForEvaluation(fresh, 0);
    await fresh.getByTestId('weights-file').setInputFiles({ name: weights.name, mimeType: 'application/json', buffer: weights.bytes });
    await fresh.waitForFunction(() => { const s = window.__flowvar!.store.getState(); return s.engine.phase === 'ready' && s.stepCount === 6 && s.config.seed === 11; }, undefined, { polling: 100 });
    expect(await fresh.getByTestId('weights-status').textContent()).toContain('loaded step 6');
    await stepTo(fresh, 9);
    const resumed = await fresh.evaluate(() => window.__flowvar!.curve());
    expect(resumed.step).toEqual([7, 8, 9]);
    expect(resumed.loss).toEqual(original.loss.slice(-3));
    // the same file as version 1 (θ only): moments zeroed, said in the status; step 7 still matches, step 8 no longer
    const v1 = Buffer.from(JSON.stringify({ ...file, version: 1, m: undefined, v: undefined }));
    await fresh.getByTestId('weights-file').setInputFiles({ name: 'v1.json', mimeType: 'application/json', buffer: v1 });
    await fresh.waitForFunction(() => { const s = window.__flowvar!.store.getState(); return s.engine.phase === 'ready' && s.stepCount === 6; }, undefined, { polling: 100 });
    expect(await fresh.getByTestId('weights-status').textContent()).toContain("version-1 file: Adam's moments start from zero");
    await stepTo(fresh, 9);
    const zeroed = (await fresh.evaluate(() => window.__flowvar!.curve())).loss;
    expect(zeroed[0]).toBe(original.loss[original.loss.length - 3]);
    expect(zeroed[1]).not.toBe(original.loss[original.loss.length - 2]);
    // a file that is not a weights file is refused with its reason, the run untouched
    await fresh.getByTestId('weights-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await expect.poll(async () => fresh.getByTestId('weights-status').textContent()).toContain('not "flowvar-weights"');
    expect(await fresh.evaluate(() => window.__flowvar!.store.getState().stepCount)).toBe(9);
    await fresh.close();
  });
});
