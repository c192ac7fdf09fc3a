// "Export to PyTorch" in the Share dialog downloads the same script as `flowvar export` for the
// page's run, and a run trained by that script (--save) opens through "Load weights…" and continues
// in the page: its next loss equals flowvar's CpuTrainer continuing from the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForEvaluation } from './appPage';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig } from '../../src/engine/runConfig';
import { encodeConfig } from '../../src/link/url';
import { pytorchScript } from '../../src/export/pytorchScript';
import { loadScriptTemplate } from '../../src/node/scriptTemplate';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { decodeWeightsFile } from '../../src/link/weightsFile';
import { runScript, tempDir } from '../unit/torchPython';
import { english } from '../../src/i18n/message';

const RUN = { ...defaultConfig(), ...TINY, pairs: 16, steps: 6, seed: 4, coupling: 'rotated' as const, sigma: 0.1 };
const browser = sharedBrowser();

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('Export to PyTorch', () => {
  it('downloads run.py for the page\'s run; the run it trains loads with "Load weights…" and continues in the page', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${cpuQuery(RUN)}&autoplay=false`));
    await waitForEvaluation(page, 0);
    await page.getByTestId('share-open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-pytorch').click()]);
    expect(download.suggestedFilename()).toBe('run.py');
    const script = await text(download);
    expect(script).toBe(pytorchScript(loadScriptTemplate(), encodeConfig(RUN)).text);
    await page.getByTestId('share-close').click();

    // train 6 steps in PyTorch, save, open the file in the page
    const dir = tempDir(), path = join(dir, 'run.py'), weights = join(dir, 'w.json');
    writeFileSync(path, script);
    const py = runScript(path, ['--steps', '6', '--save', weights, '--threads', '1', '--quiet']);
    expect(py.status, py.stderr).toBe(0);
    const file = readFileSync(weights);
    await page.getByTestId('weights-file').setInputFiles({ name: 'w.json', mimeType: 'application/json', buffer: file });
    await page.waitForFunction(() => { const s = window.__flowvar!.store.getState(); return s.engine.phase === 'ready' && s.stepCount === 6; }, undefined, { polling: 100 });
    expect(await page.getByTestId('weights-status').textContent()).toContain('loaded step 6');
    await page.getByTestId('step').click();
    await page.waitForFunction(() => window.__flowvar!.store.getState().stepCount === 7, undefined, { polling: 100 });
    const curve = await page.evaluate(() => window.__flowvar!.curve());
    await page.close();

    const decoded = decodeWeightsFile(file.toString('utf8'));
    if (!decoded.ok) throw new Error(english(decoded.reason));
    const node = new CpuTrainer(decoded.file.config, nodeMlpKernel(1));
    node.setWeights(decoded.file);
    const want = node.stepSync(1).records[0];
    node.dispose();
    expect(curve.step).toEqual([7]);
    expect(curve.loss[0]).toBeCloseTo(want.loss, 6);
  });
});
