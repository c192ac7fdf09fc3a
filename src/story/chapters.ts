// The story (docs/design.md#the-story): the chapters that walk the paper's argument, each a configured live
// run. This is the one list: the story card, the preset buttons and keys 1–9, the `chapter=` link
// key, lecture mode and `npm run story:measure` all read it.
//
// Shape (for other modules; keep it stable, add fields at the end):
//   Chapter     { id, title, text, panel, look, tryThis, config, gpu?, cpu? }
//     text      2–4 sentences; figures are placeholders `{<chapter>.<figure>}` filled from
//               src/story/figures.json (written by `npm run story:measure`, see figures.ts)
//     panel     the PanelId the chapter is about (src/story/panelList.ts)
//     look      "what to look for": a highlight + label on that panel (ChapterMark)
//     tryThis   one action with a button label (ChapterAction)
//     config    RunConfig partial for every engine; `gpu` / `cpu` add per-engine overrides
//   chapterConfig(chapter, engine) → the RunConfig it opens (its own seed: a fresh run every time)
//   CHAPTERS, CHAPTER_IDS, chapterById(id), chapterIndex(id)
// Store side (src/state/storySlice.ts): `story: { chapter, open, modified }` and the actions
// openChapter(id), closeStory(), nextChapter(), prevChapter(); opening goes through openChapter.
import { defaultConfig, type RunConfig } from '../engine/runConfig';
import type { EngineKind } from '../engine/trainer';
import type { PanelId } from './panelList';
import type { CompareSetting } from '../engine/compare';

export type ChapterId = 'lines' | 'rotated' | 'noise' | 'memorize' | 'collision' | 'sweep' | 'reflow' | 'compare';

/** Where a chapter's "what to look for" mark goes on its panel. */
export type MarkTarget =
  /** a curve of the gradient-variance panel, labelled at its latest point; `run`: that run of compare mode */
  | { kind: 'curve'; curve: 'gradVar' | 'loss'; run?: 0 | 1 }
  /** a box in data coordinates of a plane panel (pairs, flow, crossing) */
  | { kind: 'region'; x: readonly [number, number]; y: readonly [number, number] }
  /** one readout of the memorization panel */
  | { kind: 'readout'; metric: 'reproduction' | 'gaussianW2' }
  /** the σ interval of the sweep where reproduction collapses (sweepTransition) */
  | { kind: 'transition' }
  /** the spread of one ReFlow measure over the rounds run so far */
  | { kind: 'rounds'; metric: 'reproduction' }
  /** the whole panel */
  | { kind: 'panel' };

export interface ChapterMark {
  /** short label drawn beside the highlight */
  label: string;
  target: MarkTarget;
}

/** What a chapter's "Try this" button does. */
export type ChapterAction =
  /** change settings in place: training continues, the change is marked on the curves */
  | { kind: 'config'; patch: Partial<RunConfig> }
  /** turn a layer of the flow panel on */
  | { kind: 'layer'; layer: 'partners' | 'trainPaths' | 'freshPaths' | 'quiver' }
  /** run the σ sweep or the ReFlow rounds on the chapter's configuration */
  | { kind: 'sweep' }
  | { kind: 'reflow' }
  /** compare run A against run B with this setting (compare mode) */
  | { kind: 'compare'; setting: CompareSetting };

export interface Chapter {
  id: ChapterId;
  title: string;
  /** 2–4 sentences; `{chapter.figure}` placeholders come from figures.json */
  text: string;
  panel: PanelId;
  look: ChapterMark;
  tryThis: { label: string; action: ChapterAction };
  /** the run, on every engine */
  config: Partial<RunConfig>;
  /** overrides on the GPU engine (larger nets train fast there) */
  gpu?: Partial<RunConfig>;
  /** overrides on the CPU engine (the measured figures use these sizes) */
  cpu?: Partial<RunConfig>;
  /** compare mode: the setting run B changes (src/engine/compare.ts); absent: a single run */
  compare?: CompareSetting;
  /** the live values of the figures the text quotes, shown on the card (on screen whatever panel is in view) */
  live?: readonly LiveFigure[];
}

/** A figure the card shows live: of the single run, or of runs A and B while comparing. */
export type LiveFigure = 'reproduction' | 'gradVar' | 'gaussianW2' | 'spread';

/**
 * Sizes for the CPU engine: used under every chapter and by a bare page on the CPU. Chosen so each
 * chapter's effect shows within seconds on a 2-core machine.
 */
export const CPU_SIZES: Partial<RunConfig> = { width: 64, batch: 256, particles: 500 };

const ROTATED: Partial<RunConfig> = { coupling: 'rotated', phi: Math.PI / 2, pairs: 256, interpolant: 'constant', seed: 1 };

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'lines',
    title: 'Straight lines, curved flow',
    text: 'Each training pair (x0, x1) is joined by a straight line, and the network learns the velocity along those lines. With pairs drawn independently the lines cross everywhere, so the best field averages over them and the learned paths bend. A training x0 then lands near the target, not on its partner: {lines.reproduction} of the pairs come back, chance is {lines.chance}.',
    panel: 'flow',
    look: { label: 'paths bend where many lines cross', target: { kind: 'region', x: [-1.2, 1.2], y: [-1.2, 1.2] } },
    tryThis: { label: 'Show the lines to the partners', action: { kind: 'layer', layer: 'partners' } },
    config: { coupling: 'independent', pairs: 512, sigma: 0, interpolant: 'constant', seed: 1, steps: 3000 },
    cpu: { pairs: 256, steps: 800 },
    live: ['reproduction'],
  },
  {
    id: 'rotated',
    title: 'A pairing learned by heart',
    text: 'Now x1 is x0 rotated by 90°: both clouds are N(0, I), a valid but needlessly curved pairing. The lines cross in space but never at the same time, so one smooth field fits every line exactly: the gradient variance falls to {rotated.gradVar} and the flow returns {rotated.reproduction} of the {rotated.pairs} partners (chance {rotated.chance}). The network memorized the pairing instead of learning a transport map.',
    panel: 'gradvar',
    look: { label: 'gradient variance falls towards zero', target: { kind: 'curve', curve: 'gradVar' } },
    tryThis: { label: 'Set σ = 0.3 now', action: { kind: 'config', patch: { sigma: 0.3 } } },
    config: { ...ROTATED, sigma: 0, steps: 3000 },
    cpu: { steps: 800 },
    live: ['gradVar', 'reproduction'],
  },
  {
    id: 'noise',
    title: 'A little noise breaks it',
    text: 'The same rotated pairs with σ = 0.3: every line becomes a tube, tubes overlap, and no field fits them all. The gradient variance stays at {noise.gradVar}, {noise.ratio} times its value at σ = 0, and only {noise.reproduction} of the partners come back. Drag σ while it trains: it acts live, and the change is marked on the curves.',
    panel: 'gradvar',
    look: { label: 'variance stays high with σ > 0', target: { kind: 'curve', curve: 'gradVar' } },
    tryThis: { label: 'Set σ = 0 now', action: { kind: 'config', patch: { sigma: 0 } } },
    config: { ...ROTATED, sigma: 0.3, steps: 3000 },
    cpu: { steps: 800 },
    live: ['gradVar', 'reproduction'],
  },
  {
    id: 'memorize',
    title: 'Few pairs: memorized, and the cloud distorted',
    text: 'Only {memorize.pairs} random pairs and σ = 0. A field can fit every line, so {memorize.hits} of {memorize.pairs} training x0 return to their own partner (chance {memorize.chance}), while fresh x0 land on a distorted cloud: Gaussian W2 {memorize.w2} from the target. With σ = 1 the pairing breaks ({memorize.sigma1.hits} of {memorize.pairs}) and the cloud comes back to W2 {memorize.sigma1.w2}.',
    panel: 'readouts',
    look: { label: 'reproduction far above chance', target: { kind: 'readout', metric: 'reproduction' } },
    tryThis: { label: 'Set σ = 1 now', action: { kind: 'config', patch: { sigma: 1 } } },
    config: { coupling: 'independent', pairs: 16, sigma: 0, interpolant: 'constant', seed: 1, steps: 3000 },
    cpu: { steps: 1500 },
    live: ['reproduction', 'gaussianW2'],
  },
  {
    id: 'collision',
    title: 'All lines through one point',
    text: 'With φ = 180° every line passes through the centre at the same time t = ½: a collision in space-time that no smooth field can fit. Whether partners come back then depends on the integrator grid: one Euler step jumps over t = ½ and returns {collision.reproduction}, while 64 steps return {collision.ode64.reproduction} (chance {collision.chance}). The 64-step flow stalls where the averaged field is zero, so the whole generated cloud shrinks towards the centre: its spread falls to {collision.ode64.spread}, against 1 for the target.',
    panel: 'flow',
    look: { label: 'every line meets here at t = ½', target: { kind: 'region', x: [-0.35, 0.35], y: [-0.35, 0.35] } },
    tryThis: { label: 'Integrate with 64 steps', action: { kind: 'config', patch: { odeSteps: 64 } } },
    config: { coupling: 'rotated', phi: Math.PI, pairs: 256, sigma: 0, interpolant: 'constant', integrator: 'euler', odeSteps: 1, seed: 1, steps: 3000 },
    cpu: { steps: 800 },
    live: ['reproduction', 'spread'],
  },
  {
    id: 'sweep',
    title: 'The σ sweep: a phase curve',
    text: 'One model per σ from the same pairs and weights, on {sweep.seeds} seeds (mean ± std). Reproduction stays at {sweep.s0.reproduction} ± {sweep.s0.reproductionStd} at σ = 0 and collapses between σ = {sweep.transition.from} and {sweep.transition.to}: {sweep.s6.reproduction} ± {sweep.s6.reproductionStd} at σ = 0.3, {sweep.s7.reproduction} at σ = 1 (chance {sweep.chance}). The distance to the target hardly moves (sliced W2 {sweep.s0.w2} → {sweep.s7.w2}): both clouds are N(0, I), so the pairing is forgotten while the target stays reached.',
    panel: 'sweep',
    look: { label: 'reproduction collapses past σ = 0.1', target: { kind: 'transition' } },
    tryThis: { label: 'Run the σ sweep', action: { kind: 'sweep' } },
    config: { ...ROTATED, pairs: 128, sigma: 0, steps: 1000, seeds: 3 },
    cpu: { steps: 400 },
  },
  {
    id: 'reflow',
    title: 'Reflow keeps the rotation',
    text: 'Reflow retrains on the pairs its own flow produces, which should straighten the paths. Started from the rotated pairing at σ = 0, each round reproduces the rotation it memorized: Reflow does not repair a non-optimal pairing.',
    panel: 'reflow',
    look: { label: 'each round keeps the rotated pairing', target: { kind: 'rounds', metric: 'reproduction' } },
    tryThis: { label: 'Run the ReFlow rounds', action: { kind: 'reflow' } },
    config: { ...ROTATED, pairs: 128, sigma: 0, steps: 1000 },
    cpu: { steps: 400 },
  },
  {
    id: 'compare',
    title: 'Same pairs, same start: σ = 0 against σ = 0.05',
    text: "The rotated pairing trained twice in lockstep: the same pairs, the same initial weights, the same batches, t and ε; only σ differs, 0 in run A and the paper's 0.05 in run B. The small σ keeps the gradient variance at {compare.sigma005.gradVar}, {compare.ratio} times the {compare.gradVar} of σ = 0, yet both runs return about as many partners ({compare.reproduction} and {compare.sigma005.reproduction}): at this size σ = 0.05 lifts the variance floor before it breaks the memorization. Try σ = 0.3 for run B.",
    panel: 'compare',
    look: { label: 'run A (σ = 0): variance falls lower', target: { kind: 'curve', curve: 'gradVar', run: 0 } },
    tryThis: { label: 'Compare σ = 0 against σ = 0.3', action: { kind: 'compare', setting: { key: 'sigma', value: 0.3 } } },
    config: { ...ROTATED, sigma: 0, steps: 3000 },
    cpu: { steps: 800 },
    compare: { key: 'sigma', value: 0.05 },
    live: ['gradVar', 'reproduction'],
  },
];

export const CHAPTER_IDS: readonly ChapterId[] = CHAPTERS.map((c) => c.id);

/** Older links named the presets by these ids. */
const OLD_IDS: Readonly<Record<string, ChapterId>> = { independent: 'lines' };

/** The chapter a link value names: an id (or an older preset id) or a 1-based number; else null. */
export function chapterFromLink(value: string): ChapterId | null {
  const v = value.trim();
  const byId = chapterById(OLD_IDS[v] ?? v);
  if (byId) return byId.id;
  const n = Number(v);
  return v !== '' && Number.isInteger(n) && n >= 1 && n <= CHAPTERS.length ? CHAPTERS[n - 1].id : null;
}

export function chapterById(id: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.id === id);
}

/** 0-based position of chapter `id`, or −1. */
export function chapterIndex(id: string): number {
  return CHAPTERS.findIndex((c) => c.id === id);
}

/** The config chapter `chapter` opens on `engine`: its own seed, so every opening is the same fresh run. */
export function chapterConfig(chapter: Chapter, engine: EngineKind): RunConfig {
  const sizes = engine === 'cpu' ? { ...CPU_SIZES, ...chapter.cpu } : chapter.gpu ?? {};
  return { ...defaultConfig(), ...chapter.config, ...sizes };
}
