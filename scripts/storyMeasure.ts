// `npm run story:measure`: trains every figure run of src/story/measurePlan.ts on the CPU engine
// (the engine a page without a GPU uses; WebAssembly SIMD in Node as in the browser's worker),
// each with its chapter's own CPU configuration and seed, and writes src/story/figures.json. The
// chapter texts quote these figures through `{chapter.figure}` placeholders. Not part of npm test
// (a few minutes on 2 cores); tests/unit/storyFigures.test.ts compares the texts with the file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../src/cli/engine';
import { encodeConfig } from '../src/link/url';
import type { EvalMetrics } from '../src/engine/trainer';
import { DERIVED, FIGURE_RUNS, GRADVAR_TAIL, runConfig, runPrefix, SWEEP_CHAPTER, SWEEP_SIGMAS } from '../src/story/measurePlan';
import { runSweep, seedSummary, SweepRunner, type SweepResult } from '../src/engine/sweep';
import { seedConfigs } from '../src/engine/runConfig';
import { sweepTransition } from '../src/panels/storyMarkAnchor';
import { chapterById, chapterConfig } from '../src/story/chapters';
import type { Figure, FiguresFile } from '../src/story/figures';

const OUT = fileURLToPath(new URL('../src/story/figures.json', import.meta.url));
/** Steps per step() call: small enough to print progress, large enough to amortise the call. */
const CHUNK = 100;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function reproductionFigures(prefix: string, m: EvalMetrics, pairs: number, figures: Record<string, Figure>): void {
  figures[`${prefix}.reproduction`] = { kind: 'percent', value: m.reproduction };
  figures[`${prefix}.hits`] = { kind: 'count', value: Math.round(m.reproduction * Math.min(pairs, 1024)) };
  // the generated cloud's spread: the mean of its two variances (1 for N(0, I))
  figures[`${prefix}.spread`] = { kind: 'number', value: (m.generatedCov[0] + m.generatedCov[3]) / 2 };
}

/**
 * The σ sweep chapter: the sweep the page runs on its CPU config, once per seed (config.seeds), per
 * σ the mean reproduction and its std over the seeds, the mean sliced W2, and where the collapse
 * lies with the band (the chapter's mark: sweepTransition).
 */
async function sweepFigures(figures: Record<string, Figure>, runs: FiguresFile['runs']): Promise<void> {
  const config = chapterConfig(chapterById(SWEEP_CHAPTER)!, 'cpu');
  const t0 = performance.now();
  const engine = await openEngine('cpu');
  try {
    const perSeed: SweepResult[][] = [];
    for (const c of seedConfigs(config, config.seeds)) {
      const sweep = await SweepRunner.create(c, SWEEP_SIGMAS, engine.trainer);
      perSeed.push((await runSweep(sweep, config.steps, { chunk: CHUNK }))!);
      sweep.dispose();
    }
    const { results, spread } = seedSummary(perSeed);
    results.forEach((r, i) => {
      figures[`sweep.s${i}.sigma`] = { kind: 'number', value: r.sigma };
      figures[`sweep.s${i}.reproduction`] = { kind: 'percent', value: r.metrics.reproduction };
      figures[`sweep.s${i}.reproductionStd`] = { kind: 'percent', value: spread[i].reproduction };
      figures[`sweep.s${i}.w2`] = { kind: 'number', value: r.metrics.slicedW2 };
    });
    const box = sweepTransition(results.map((r, i) => ({ sigma: r.sigma, reproduction: r.metrics.reproduction, chance: r.metrics.chance, std: spread[i].reproduction })));
    if (box) {
      figures['sweep.transition.from'] = { kind: 'number', value: box.x[0] };
      figures['sweep.transition.to'] = { kind: 'number', value: box.x[1] };
    }
    figures['sweep.seeds'] = { kind: 'count', value: config.seeds };
    figures['sweep.chance'] = { kind: 'chance', value: 1 / results[0].metrics.chance };
    figures['sweep.pairs'] = { kind: 'count', value: config.pairs };
    const seconds = (performance.now() - t0) / 1000;
    runs.sweep = { link: encodeConfig(config), steps: config.steps, seconds: Number(seconds.toFixed(1)) };
    console.log(`sweep: ${results.length} models × ${config.seeds} seeds × ${config.steps} steps in ${seconds.toFixed(1)} s; reproduction ${results.map((r, i) => `${r.metrics.reproduction.toFixed(2)}±${spread[i].reproduction.toFixed(2)}`).join(' ')}; collapse ${box ? `${box.x[0]}…${box.x[1]}` : 'none'}`);
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const figures: Record<string, Figure> = {};
  const runs: FiguresFile['runs'] = {};
  let device = '';
  for (const run of FIGURE_RUNS) {
    const config = runConfig(run);
    const prefix = runPrefix(run);
    const t0 = performance.now();
    const engine = await openEngine('cpu');
    try {
      const trainer = await engine.trainer(config);
      device = trainer.deviceName;
      const gradVar: number[] = [], loss: number[] = [];
      while (trainer.stepCount < config.steps) {
        const snap = await trainer.step(Math.min(CHUNK, config.steps - trainer.stepCount));
        for (const r of snap.records) { gradVar.push(r.gradVar); loss.push(r.loss); }
      }
      const tail = Math.max(1, Math.round(GRADVAR_TAIL * gradVar.length));
      const { metrics } = await trainer.evaluate();
      reproductionFigures(prefix, metrics, config.pairs, figures);
      figures[`${prefix}.chance`] = { kind: 'chance', value: 1 / metrics.chance };
      figures[`${prefix}.pairs`] = { kind: 'count', value: config.pairs };
      figures[`${prefix}.steps`] = { kind: 'count', value: config.steps };
      figures[`${prefix}.gradVar`] = { kind: 'number', value: mean(gradVar.slice(-tail)) };
      figures[`${prefix}.loss`] = { kind: 'number', value: mean(loss.slice(-tail)) };
      figures[`${prefix}.w2`] = { kind: 'number', value: metrics.gaussianW2 ?? metrics.slicedW2 };
      for (const [name, live] of Object.entries(run.evals ?? {})) {
        trainer.setLive(live);
        reproductionFigures(`${prefix}.${name}`, (await trainer.evaluate()).metrics, config.pairs, figures);
      }
      const seconds = (performance.now() - t0) / 1000;
      runs[prefix] = { link: encodeConfig(config), steps: config.steps, seconds: Number(seconds.toFixed(1)) };
      console.log(`${prefix}: ${config.steps} steps in ${seconds.toFixed(1)} s; reproduction ${(100 * metrics.reproduction).toFixed(1)} %, gradVar ${figures[`${prefix}.gradVar`].value.toPrecision(3)}`);
    } finally {
      engine.close();
    }
  }
  await sweepFigures(figures, runs);
  for (const [key, d] of Object.entries(DERIVED)) {
    figures[key] = { kind: 'number', value: figures[d.of].value / figures[d.over].value };
  }
  const file: FiguresFile = {
    engine: 'cpu', device, measuredAt: new Date().toISOString(),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)), runs, figures,
  };
  writeFileSync(OUT, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${OUT} (${file.seconds} s)`);
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
