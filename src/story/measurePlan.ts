// What `npm run story:measure` trains and which figures it writes (docs/design.md#what-the-app-shows): one run per
// chapter that quotes numbers, on the CPU engine with the chapter's own CPU configuration (the
// engine a page without a GPU uses), plus variants a chapter quotes (σ = 1 for the few-pairs
// chapter) and extra evaluations of the same weights (64 ODE steps for the collision chapter).
// The unit test tests/unit/storyFigures.test.ts checks figures.json against this plan.
import type { RunConfig } from '../engine/runConfig';
import type { LiveSettings } from '../engine/trainer';
import { chapterById, chapterConfig, type ChapterId } from './chapters';

export interface FigureRun {
  chapter: ChapterId;
  /** figure keys start with `<chapter>.` or `<chapter>.<variant>.` */
  variant?: string;
  /** changes to the chapter's config for this run */
  patch?: Partial<RunConfig>;
  /** further evaluations of the final weights with these live settings, by name */
  evals?: Readonly<Record<string, Partial<LiveSettings>>>;
}

export const FIGURE_RUNS: readonly FigureRun[] = [
  { chapter: 'lines' },
  { chapter: 'rotated' },
  { chapter: 'noise' },
  { chapter: 'memorize' },
  { chapter: 'memorize', variant: 'sigma1', patch: { sigma: 1 } },
  { chapter: 'compare' },
  { chapter: 'compare', variant: 'sigma005', patch: { sigma: 0.05 } },
  { chapter: 'collision', evals: { ode64: { odeSteps: 64 }, ode2: { odeSteps: 2 } } },
];

/** Figures computed from other figures: `noise.ratio` = variance with σ = 0.3 over σ = 0. */
export const DERIVED: Readonly<Record<string, { kind: 'ratio'; of: string; over: string }>> = {
  'noise.ratio': { kind: 'ratio', of: 'noise.gradVar', over: 'rotated.gradVar' },
  // compare mode trains A and B in lockstep; on the CPU each run is bit for bit the run alone
  // (tests/unit/compare.test.ts), so the two runs here give the compare chapter's figures
  'compare.ratio': { kind: 'ratio', of: 'compare.sigma005.gradVar', over: 'compare.gradVar' },
};

/** Key prefix of a run's figures. */
export function runPrefix(run: FigureRun): string {
  return run.variant ? `${run.chapter}.${run.variant}` : run.chapter;
}

/** The config a figure run trains: the chapter's CPU config with the run's patch. */
export function runConfig(run: FigureRun): RunConfig {
  const chapter = chapterById(run.chapter);
  if (!chapter) throw new Error(`invalid chapter: ${run.chapter}`);
  return { ...chapterConfig(chapter, 'cpu'), ...run.patch };
}

/**
 * The σ sweep chapter's figures: the sweep the page runs (its CPU config, the default σ grid, its
 * `seeds`), one key per σ: `sweep.s<i>.reproduction` (the mean over the seeds),
 * `sweep.s<i>.reproductionStd` and `sweep.s<i>.w2` (sliced W2, the sweep panel's solid curve) for
 * SWEEP_SIGMAS[i]; and `sweep.transition.from` / `.to`, the σ interval the collapse mark spans.
 */
export const SWEEP_CHAPTER: ChapterId = 'sweep';
export { DEFAULT_SIGMAS as SWEEP_SIGMAS } from '../engine/sweep';

/** Share of the final steps whose gradient variance is averaged for the `gradVar` figure. */
export const GRADVAR_TAIL = 0.1;
