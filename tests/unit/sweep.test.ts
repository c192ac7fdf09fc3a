// The σ sweep (docs/design.md#panels): M models side by side, same pairs, init and batches; σ the only difference.
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanSigmas, DEFAULT_SIGMAS, DownsampledTrace, runSweep, SweepRunner, sweepConfig, TailMean, tailWindow, type SweepResult } from '../../src/engine/sweep';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import type { StepRecord } from '../../src/engine/trainer';
import { expectClose } from './expectClose';
import { runSweepCommand, SWEEP_KEYS } from '../../src/cli/sweep';
import { main } from '../../src/cli/main';

describe('sweep helpers', () => {
  it('cleanSigmas() sorts, clamps to [0, 2], drops NaN and duplicates, and falls back to the default grid', () => {
    expect(cleanSigmas([0.3, NaN, 0, -1, 5, 0.3, Infinity])).toEqual([0, 0.3, 2]);
    expect(cleanSigmas([])).toEqual([...DEFAULT_SIGMAS]);
    expect(cleanSigmas([NaN])).toEqual([...DEFAULT_SIGMAS]);
    expect(DEFAULT_SIGMAS[0]).toBe(0);
    expect(cleanSigmas(Array.from({ length: 40 }, (_, i) => i / 20))).toHaveLength(16);
  });

  it('sweepConfig() trains the constant-σ interpolant when the base is deterministic (which would ignore σ)', () => {
    expect(sweepConfig({ ...defaultConfig(), interpolant: 'deterministic' }, 0.1)).toMatchObject({ sigma: 0.1, interpolant: 'constant' });
    expect(sweepConfig({ ...defaultConfig(), interpolant: 'bridge' }, 0.1).interpolant).toBe('bridge');
  });

  it('tailWindow() is 10 % of the steps (at least 1), TailMean() averages the last window', () => {
    expect(tailWindow(3000)).toBe(300);
    expect(tailWindow(5)).toBe(1);
    const tail = new TailMean(3);
    expect(Number.isNaN(tail.mean())).toBe(true);
    for (const v of [100, 1, 2, 3]) tail.push(v);
    expect(tail.mean()).toBe(2);
  });

  it('DownsampledTrace keeps at most its capacity, evenly strided, first point kept', () => {
    const trace = new DownsampledTrace(8);
    for (let s = 0; s < 100; s++) trace.push(s, s * 2);
    expect(trace.steps.length).toBeLessThanOrEqual(8);
    expect(trace.steps[0]).toBe(0);
    const gaps = trace.steps.slice(1).map((s, i) => s - trace.steps[i]);
    expect(new Set(gaps).size).toBe(1);
    expect(trace.values).toEqual(trace.steps.map((s) => s * 2));
  });
});

// 8 independent pairs, width 32 × 2, batch 64, lr 1e-2, 600 steps, Euler 16: the smallest config
// where the σ = 0 / σ = 1 ordering showed on seeds 1, 2 and 3 (measured ~1 s per model).
const BASE: RunConfig = {
  ...defaultConfig(), seed: 1, pairs: 8, width: 32, depth: 2, batch: 64, lr: 1e-2, steps: 600,
  odeSteps: 16, particles: 256,
};

describe('SweepRunner over σ ∈ {0, 1} (CPU, seed 1, 600 steps)', () => {
  let results: SweepResult[];
  let runner: SweepRunner;
  const progress: number[] = [];
  const standalone: { records: StepRecord[]; trainer: CpuTrainer }[] = [];

  beforeAll(async () => {
    runner = await SweepRunner.create(BASE, [1, 0], (c) => new CpuTrainer(c));
    results = (await runSweep(runner, BASE.steps, { chunk: 150, onProgress: (p) => { progress.push(p.step); } }))!;
    for (const sigma of [0, 1]) {
      const trainer = new CpuTrainer(sweepConfig(BASE, sigma));
      standalone.push({ records: trainer.stepSync(BASE.steps).records, trainer });
    }
  }, 120_000);

  it('steps the models round-robin in chunks of 150 and reports after each chunk', () => {
    expect(runner.sigmas).toEqual([0, 1]);
    expect(progress).toEqual([150, 300, 450, 600]);
    expect(runner.stepCount).toBe(600);
  });

  it('each model equals a standalone CpuTrainer with the same config: same weights, same evaluation', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await runner.trainer(i).weights()).toEqual(standalone[i].trainer.weightsSync());
      expect(results[i].metrics).toEqual(standalone[i].trainer.evaluateSync().metrics);
    }
  });

  it('the tail gradVar and loss are the means of the standalone records over the last 60 steps (10 %)', () => {
    for (let i = 0; i < 2; i++) {
      const tail = standalone[i].records.slice(-60);
      expectClose(results[i].gradVar, tail.reduce((s, r) => s + r.gradVar, 0) / 60, { rel: 1e-12 });
      expectClose(results[i].loss, tail.reduce((s, r) => s + r.loss, 0) / 60, { rel: 1e-12 });
      expect(runner.stats[i].last).toEqual(standalone[i].records.at(-1));
    }
  });

  it('σ = 0 memorizes and σ = 1 generalizes: higher reproduction, closer partners, farther from the target', () => {
    // measured (seed 1): reproduction 0.5 vs 0.125 (chance 0.125), partner distance 0.24 vs 1.25,
    // Gaussian W2 1.41 vs 0.58, sliced W2 1.00 vs 0.35; seeds 2 and 3 give the same orderings
    const [zero, one] = results.map((r) => r.metrics);
    expect(zero.reproduction).toBeGreaterThanOrEqual(2 * zero.chance);
    expect(zero.reproduction).toBeGreaterThan(one.reproduction);
    expect(zero.partnerDistance).toBeLessThan(one.partnerDistance / 2);
    expect(one.gaussianW2!).toBeLessThan(zero.gaussianW2! / 1.5);
    expect(one.slicedW2).toBeLessThan(zero.slicedW2 / 1.5);
  });

  it('a factory that fails part-way disposes the trainers it built and rejects', async () => {
    let built = 0, disposed = 0;
    const make = (c: RunConfig) => {
      if (built++ === 1) throw new Error('no device');
      const t = new CpuTrainer(c);
      t.dispose = () => { disposed++; };
      return t;
    };
    await expect(SweepRunner.create(BASE, [0, 0.1, 1], make)).rejects.toThrow('no device');
    expect(disposed).toBe(1);
  });
});

describe('SweepRunner: concurrent steps', () => {
  /** A CpuTrainer whose replies land after a delay that differs per model and per call (out of order). */
  function delayed(config: RunConfig, log: { inFlight: number; most: number }, model: () => number) {
    const t = new CpuTrainer(config);
    const i = model();
    let call = 0;
    const step = t.step.bind(t);
    t.step = async (n: number) => {
      log.inFlight++;
      log.most = Math.max(log.most, log.inFlight);
      const snap = await step(n);
      await new Promise((r) => setTimeout(r, ((i * 7 + call++ * 3) % 5) * 2));
      log.inFlight--;
      return snap;
    };
    return t;
  }

  it('all models step at once, and the records, statistics, weights and evaluation are bit-identical to stepping in turn', async () => {
    const config: RunConfig = { ...BASE, steps: 90, width: 16, particles: 64 };
    const sigmas = [0, 0.01, 0.1, 1];
    const runs = [];
    for (const inTurn of [false, true]) {
      const log = { inFlight: 0, most: 0 };
      let made = 0;
      const runner = await SweepRunner.create(config, sigmas, (c) => delayed(c, log, () => made++), config.steps, { inTurn });
      const records: StepRecord[][] = sigmas.map(() => []);
      const results = (await runSweep(runner, config.steps, { chunk: 30, onProgress: (p) => p.models.forEach((m, i) => records[i].push(...m.records)) }))!;
      const weights = await Promise.all(sigmas.map((_, i) => runner.trainer(i).weights()));
      runs.push({ log, records, results, weights, traces: runner.stats.map((st) => st.gradVarTrace.values) });
      runner.dispose();
    }
    const [together, inTurn] = runs;
    expect(together.log.most).toBe(sigmas.length);
    expect(inTurn.log.most).toBe(1);
    expect(together.records).toEqual(inTurn.records);
    expect(together.records[3]).toHaveLength(90);
    expect(together.results).toEqual(inTurn.results);
    expect(together.weights).toEqual(inTurn.weights);
    expect(together.traces).toEqual(inTurn.traces);
  });
});

describe('flowvar sweep (runSweepCommand)', () => {
  const capture = () => {
    const out: string[] = [], err: string[] = [];
    return { io: { out: (l: string) => { out.push(l); }, err: (l: string) => { err.push(l); } }, out, err };
  };
  const QUERY = 'pairs=8&width=16&depth=1&batch=32&particles=64&odeSteps=4';

  it('--json prints one object per σ with the documented keys, in σ order, and exits 0', async () => {
    const c = capture();
    expect(await runSweepCommand([QUERY, '--sigmas', '1,0', '--steps', '10', '--json'], c.io)).toBe(0);
    const rows = c.out.map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.sigma, r.run, r.step, r.partial])).toEqual([[0, 'sigma=0', 10, false], [1, 'sigma=1', 10, false]]);
    for (const r of rows) expect(Object.keys(r)).toEqual([...SWEEP_KEYS]);
    expect(rows[0].chance).toBe(1 / 8);
    expect(rows[1].link).toContain('sigma=1');
  });

  it('--seeds 2: one row per (σ, seed), then mean and std per σ; each seed row equals `flowvar run` of its link', async () => {
    const c = capture();
    expect(await runSweepCommand([`seed=5&${QUERY}`, '--sigmas', '0,1', '--seeds', '2', '--steps', '10', '--json'], c.io)).toBe(0);
    const rows = c.out.map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.run, r.sigma, r.seed])).toEqual([
      ['sigma=0 seed=5', 0, 5], ['sigma=0 seed=6', 0, 6], ['mean', 0, null], ['std', 0, null],
      ['sigma=1 seed=5', 1, 5], ['sigma=1 seed=6', 1, 6], ['mean', 1, null], ['std', 1, null],
    ]);
    for (const r of rows) expect(Object.keys(r)).toEqual([...SWEEP_KEYS]);
    const [a, b, mean, std] = rows;
    expect(mean.gradVarTail).toBeCloseTo((a.gradVarTail + b.gradVarTail) / 2, 10);
    expect(std.lossTail).toBeCloseTo(Math.abs(a.lossTail - b.lossTail) / Math.SQRT2, 10);
    expect(a.loss).not.toBe(b.loss);
    const out: string[] = [];
    expect(await main(['run', rows[1].link, '--steps', '10', '--json'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    const alone = JSON.parse(out[0]);
    for (const key of ['loss', 'gradVar', 'reproduction', 'partnerDistance', 'slicedW2', 'seed', 'sigma', 'link']) expect(rows[1][key], key).toEqual(alone[key]);
  });

  it('without --seeds the link\'s seeds=K (the page sweep\'s setting) sets the seeds; --seeds 1 overrides it', async () => {
    const c = capture();
    expect(await runSweepCommand([`seed=5&seeds=2&${QUERY}`, '--sigmas', '0', '--steps', '4', '--json'], c.io)).toBe(0);
    expect(c.out.map((l) => JSON.parse(l).run)).toEqual(['sigma=0 seed=5', 'sigma=0 seed=6', 'mean', 'std']);
    const one = capture();
    expect(await runSweepCommand([`seed=5&seeds=2&${QUERY}`, '--sigmas', '0', '--seeds', '1', '--steps', '4', '--json'], one.io)).toBe(0);
    expect(one.out.map((l) => JSON.parse(l).run)).toEqual(['sigma=0']);
  });

  it('--eval-every K prints every σ at every K steps: per-σ learning curves', async () => {
    const c = capture();
    expect(await runSweepCommand([QUERY, '--sigmas', '0,1', '--steps', '10', '--eval-every', '5', '--json'], c.io)).toBe(0);
    expect(c.out.map((l) => JSON.parse(l)).map((r) => [r.step, r.sigma])).toEqual([[5, 0], [5, 1], [10, 0], [10, 1]]);
  });

  it('the table has a header, one row per σ and a timing line', async () => {
    const c = capture();
    expect(await runSweepCommand([QUERY, '--sigmas=0,0.1,1', '--steps=5'], c.io)).toBe(0);
    const table = c.out.filter((l) => !l.startsWith('#'));
    expect(table).toHaveLength(4);
    expect(table[0].trim().split(/\s+/)[0]).toBe('step');
    expect(table[0].trim().split(/\s+/).at(-1)).toBe('run');
    expect(c.out.at(-1)).toMatch(/^# 3 models \(3 σ × 1 seed\) × 5 steps in [\d.]+ s on CPU \(WebAssembly SIMD/);
  });

  it('bad flags exit 2 with a message naming the flag and value, never a throw', async () => {
    for (const args of [['--sigmas', '0,abc'], ['--sigmas', '5'], ['--steps', '-3'], ['--engine', 'tpu'], ['--bogus'], ['a', 'b'], ['steps=0']]) {
      const c = capture();
      expect(await runSweepCommand(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.at(-2)).toMatch(/^flowvar sweep: /);
      expect(c.err.at(-1)).toBe('see `flowvar sweep --help`');
    }
  });
});
