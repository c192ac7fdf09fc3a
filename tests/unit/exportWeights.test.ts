// The exported script reads and writes flowvar's weights file (version 2, the page's format), both
// ways: a run trained in PyTorch continues in flowvar's CpuTrainer (through the page's own decoder),
// and a page's saved train state continues in the script; each continuation repeats the
// uninterrupted run's losses within 1e-4 relative (float32 on both sides, sums in other orders).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { decodeLink } from '../../src/link/link';
import { encodeConfig } from '../../src/link/url';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { decodeWeightsFile, encodeWeightsFile } from '../../src/link/weightsFile';
import { expectClose } from './expectClose';
import { runScript, tempDir, writeScript, PY_TIMEOUT_MS } from './torchPython';
import { english } from '../../src/i18n/message';

const LINK = 'coupling=rotated&pairs=32&width=24&depth=2&batch=48&particles=64&odeSteps=8&sigma=0.1&lr=0.005';
const SAVED_AT = 20, MORE = 10;
const { config } = decodeLink(LINK);

/** The uninterrupted flowvar run: losses of steps 1 … SAVED_AT + MORE and its state at SAVED_AT. */
function straightRun() {
  const t = new CpuTrainer(config, nodeMlpKernel(1));
  const losses = t.stepSync(SAVED_AT).records.map((r) => r.loss);
  const state = t.trainStateSync();
  losses.push(...t.stepSync(MORE).records.map((r) => r.loss));
  t.dispose();
  return { losses, state };
}

describe('weights files between the script and flowvar', { timeout: PY_TIMEOUT_MS }, () => {
  const straight = straightRun();

  it(`a run trained ${SAVED_AT} steps in PyTorch and saved (--save) loads with the page's decoder and continues in flowvar`, () => {
    const dir = tempDir(), file = join(dir, 'w.json');
    const py = runScript(writeScript(LINK, dir), ['--steps', String(SAVED_AT), '--save', file, '--threads', '1', '--quiet']);
    expect(py.status, py.stderr).toBe(0);
    const decoded = decodeWeightsFile(readFileSync(file, 'utf8'));
    if (!decoded.ok) throw new Error(english(decoded.reason));
    expect(decoded.corrections).toEqual([]);
    expect(decoded.file.step).toBe(SAVED_AT);
    expect(encodeConfig(decoded.file.config)).toBe(encodeConfig(config));
    expectClose(decoded.file.theta, straight.state.theta, { rel: 1e-3, abs: 1e-5 }, 'θ at the save');
    const t = new CpuTrainer(decoded.file.config, nodeMlpKernel(1));
    t.setWeights(decoded.file);
    const continued = t.stepSync(MORE).records;
    t.dispose();
    expect(continued[0].step).toBe(SAVED_AT + 1);
    expectClose(continued.map((r) => r.loss), straight.losses.slice(SAVED_AT), { rel: 1e-4 }, 'losses after the load');
  });

  it('a train state saved by flowvar continues in the script (--resume); a version-1 file says its moments start from zero', () => {
    const dir = tempDir(), file = join(dir, 'page.json'), v1 = join(dir, 'v1.json');
    const text = encodeWeightsFile({ ...straight.state, config }, encodeConfig(config));
    writeFileSync(file, text);
    const script = writeScript(LINK, dir);
    const py = runScript(script, ['--resume', file, '--steps', String(SAVED_AT + MORE), '--log-every', '1', '--threads', '1']);
    expect(py.status, py.stderr).toBe(0);
    expect(py.steps.map((s) => s.step)).toEqual(Array.from({ length: MORE }, (_, i) => SAVED_AT + 1 + i));
    expectClose(py.steps.map((s) => s.loss), straight.losses.slice(SAVED_AT), { rel: 1e-4 }, 'losses after --resume');

    const o = JSON.parse(text) as Record<string, unknown>;
    writeFileSync(v1, JSON.stringify({ ...o, version: 1, m: undefined, v: undefined }));
    const zeroed = runScript(script, ['--resume', v1, '--steps', String(SAVED_AT + 2), '--log-every', '1', '--threads', '1']);
    expect(zeroed.status, zeroed.stderr).toBe(0);
    expect(zeroed.stderr).toContain("a version-1 file: Adam's moments start from zero");
    expectClose(zeroed.steps[0].loss, straight.losses[SAVED_AT], { rel: 1e-4 }, 'first loss after a v1 resume');
    // zeroed moments jolt θ at the first update: the second loss parts from the run
    expect(Math.abs(zeroed.steps[1].loss / straight.losses[SAVED_AT + 1] - 1)).toBeGreaterThan(1e-3);
  });
});
