// The story (docs/design.md#the-story): the chapters that walk the paper's argument, each a configured live
// run. This is the one list: the story card, the preset buttons and keys 1–9, the `chapter=` link
// key, lecture mode and `npm run story:measure` all read it.
//
// The words are not here: each chapter's title, text (2–4 sentences), "look for" label and "Try
// this" label are story:chapters.<id>.title / .text / .lookFor / .tryThis in the catalogues
// (src/i18n/locales/<lang>/story.json, docs/i18n.md). This file stays free of i18next: the CLI and
// the link codec import it. Texts quote figures as placeholders `{<chapter>.<figure>}` filled from
// src/story/figures.json (written by `npm run story:measure`, see figures.ts).
//
// Shape (for other modules; keep it stable, add fields at the end):
//   Chapter     { id, panel, look, tryThis, config, gpu?, cpu? }
//     panel     the PanelId the chapter is about (src/story/panelList.ts)
//     look      "what to look for": a highlight on that panel (ChapterMark)
//     tryThis   one action (ChapterAction)
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
  /** its label, drawn beside the highlight, is story:chapters.<id>.lookFor */
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
  panel: PanelId;
  look: ChapterMark;
  /** its button label is story:chapters.<id>.tryThis */
  tryThis: { action: ChapterAction };
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
    panel: 'flow',
    look: { target: { kind: 'region', x: [-1.2, 1.2], y: [-1.2, 1.2] } },
    tryThis: { action: { kind: 'layer', layer: 'partners' } },
    config: { coupling: 'independent', pairs: 512, sigma: 0, interpolant: 'constant', seed: 1, steps: 3000 },
    cpu: { pairs: 256, steps: 800 },
    live: ['reproduction'],
  },
  {
    id: 'rotated',
    panel: 'gradvar',
    look: { target: { kind: 'curve', curve: 'gradVar' } },
    tryThis: { action: { kind: 'config', patch: { sigma: 0.3 } } },
    config: { ...ROTATED, sigma: 0, steps: 3000 },
    cpu: { steps: 800 },
    live: ['gradVar', 'reproduction'],
  },
  {
    id: 'noise',
    panel: 'gradvar',
    look: { target: { kind: 'curve', curve: 'gradVar' } },
    tryThis: { action: { kind: 'config', patch: { sigma: 0 } } },
    config: { ...ROTATED, sigma: 0.3, steps: 3000 },
    cpu: { steps: 800 },
    live: ['gradVar', 'reproduction'],
  },
  {
    id: 'memorize',
    panel: 'readouts',
    look: { target: { kind: 'readout', metric: 'reproduction' } },
    tryThis: { action: { kind: 'config', patch: { sigma: 1 } } },
    config: { coupling: 'independent', pairs: 16, sigma: 0, interpolant: 'constant', seed: 1, steps: 3000 },
    cpu: { steps: 1500 },
    live: ['reproduction', 'gaussianW2'],
  },
  {
    id: 'collision',
    panel: 'flow',
    look: { target: { kind: 'region', x: [-0.35, 0.35], y: [-0.35, 0.35] } },
    tryThis: { action: { kind: 'config', patch: { odeSteps: 64 } } },
    config: { coupling: 'rotated', phi: Math.PI, pairs: 256, sigma: 0, interpolant: 'constant', integrator: 'euler', odeSteps: 1, seed: 1, steps: 3000 },
    cpu: { steps: 800 },
    live: ['reproduction', 'spread'],
  },
  {
    id: 'sweep',
    panel: 'sweep',
    look: { target: { kind: 'transition' } },
    tryThis: { action: { kind: 'sweep' } },
    config: { ...ROTATED, pairs: 128, sigma: 0, steps: 1000, seeds: 3 },
    cpu: { steps: 400 },
  },
  {
    id: 'reflow',
    panel: 'reflow',
    look: { target: { kind: 'rounds', metric: 'reproduction' } },
    tryThis: { action: { kind: 'reflow' } },
    config: { ...ROTATED, pairs: 128, sigma: 0, steps: 1000 },
    cpu: { steps: 400 },
  },
  {
    id: 'compare',
    panel: 'compare',
    look: { target: { kind: 'curve', curve: 'gradVar', run: 0 } },
    tryThis: { action: { kind: 'compare', setting: { key: 'sigma', value: 0.3 } } },
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
