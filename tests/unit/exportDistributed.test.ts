// Past one process with torch.distributed (gloo on the CPU): under torchrun --nproc_per_node=2 each
// rank computes half of the global batch and the gradients and gradient-variance sums are
// all-reduced, so the losses equal one process's within 1e-5 relative over 50 steps (only the
// order of the float32 sums differs). A sweep (--sigmas, --seeds) spreads its models over the ranks:
// every model's row equals the one-process sweep's, and the last rows are mean and std over seeds.
import { describe, expect, it } from 'vitest';
import { expectClose } from './expectClose';
import { runScript, runTorchrun, tempDir, writeScript, PY_TIMEOUT_MS } from './torchPython';

const LINK = 'coupling=rotated&pairs=48&width=32&depth=2&batch=64&particles=128&odeSteps=8&sigma=0.1';
const STEPS = 50;

describe('torchrun on the CPU (gloo)', { timeout: PY_TIMEOUT_MS }, () => {
  const script = writeScript(LINK, tempDir());

  it('one model on 2 processes: 50 per-step losses within 1e-5 of one process, rank 0 prints one row', () => {
    const args = ['--steps', String(STEPS), '--log-every', '1', '--threads', '1'];
    const one = runScript(script, args);
    const two = runTorchrun(script, 2, args);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr.slice(-3000)).toBe(0);
    expect(two.stderr).toContain('2 processes');
    expect(two.steps.map((s) => s.step)).toEqual(one.steps.map((s) => s.step));
    expect(two.steps.length).toBe(STEPS);
    expectClose(two.steps.map((s) => s.loss), one.steps.map((s) => s.loss), { rel: 1e-5 }, 'losses, 2 processes vs 1');
    expectClose(two.steps.map((s) => s.gradVar), one.steps.map((s) => s.gradVar), { rel: 1e-4 }, 'gradVar, 2 processes vs 1');
    expect(two.rows.length).toBe(1);
    expect(two.rows[0].reproduction).toBe(one.rows[0].reproduction);
  });

  it('--sigmas 0,0.3 --seeds 2 on 2 processes: the same model rows as one process, then mean and std per σ', () => {
    const args = ['--steps', '30', '--sigmas', '0,0.3', '--seeds', '2', '--threads', '1'];
    const one = runScript(script, args);
    const two = runTorchrun(script, 2, args);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr.slice(-3000)).toBe(0);
    const label = (r: Record<string, unknown>) => [r.run, r.sigma, r.seed];
    expect(two.rows.map(label)).toEqual([
      ['sigma=0 seed=1', 0, 1], ['sigma=0 seed=2', 0, 2], ['sigma=0.3 seed=1', 0.3, 1], ['sigma=0.3 seed=2', 0.3, 2],
      ['mean', 0, null], ['std', 0, null], ['mean', 0.3, null], ['std', 0.3, null],
    ]);
    expect(one.rows.map(label)).toEqual(two.rows.map(label));
    expect(two.rows.map((r) => r.step)).toEqual(Array(8).fill(30));
    for (const key of ['loss', 'gradVar', 'reproduction', 'slicedW2'] as const) {
      expect(two.rows.map((r) => r[key]), key).toEqual(one.rows.map((r) => r[key]));
      const [a, b] = [two.rows[0][key] as number, two.rows[1][key] as number];
      expectClose(two.rows[4][key] as number, (a + b) / 2, { rel: 1e-12 }, `mean ${key}`);
      expectClose(two.rows[5][key] as number, Math.abs(a - b) / Math.SQRT2, { rel: 1e-9, abs: 1e-15 }, `std ${key}`);
    }
    expect(two.rows[2].link).toBe('v=1&seed=1&coupling=rotated&pairs=48&sigma=0.3&width=32&depth=2&batch=64&odeSteps=8&particles=128');
    expect(two.rows[1].link).toBe('v=1&seed=2&coupling=rotated&pairs=48&width=32&depth=2&batch=64&odeSteps=8&particles=128');
    // the summary on stderr: σ, reproduction and gradVar as mean ± std
    expect(two.stderr).toMatch(/^# +0\.3 +\S+ ± \S+ +\S+ ± \S+/m);
  });
});
