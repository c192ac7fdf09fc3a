// The chapter's "what to look for" mark drawn on the data (docs/design.md#the-story): a highlighted band at a
// curve's current level, or a box around a plane region, with the chapter's label beside it. The
// anchor comes from storyMarkAnchor.ts; this layer only converts to pixels and draws, in the
// panel's SVG, so the label sits inside the plot and never over the panel's tool buttons.
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric } from '../format/format';
import { appStore, type Store } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { chapterById, type MarkTarget } from '../story/chapters';
import type { PanelId } from '../story/panelList';
import { markAnchor, markPixels, type MarkData, type PlotBox } from './storyMarkAnchor';

export interface StoryMarkLayerProps {
  panel: PanelId;
  x: (v: number) => number;
  y: (v: number) => number;
  plot: PlotBox;
}

const NO_MARKERS: readonly { step: number; key: string }[] = [];

/** The data a chapter's mark reads on `panel`: the single run's curves, a compare run's, the sweep or the rounds. */
function markData(s: Store, target: MarkTarget): MarkData {
  const run = target.kind === 'curve' ? target.run : undefined;
  const curves = run === undefined ? s.curves : s.compareState.runs[run]?.curves ?? s.curves;
  return {
    curves,
    markers: run === undefined ? s.markers : NO_MARKERS,
    sweep: target.kind === 'transition' ? (s.sweep.results ?? []).map((r, i) => ({ sigma: r.sigma, reproduction: r.metrics.reproduction, chance: r.metrics.chance, std: s.sweep.spread?.[i]?.reproduction })) : [],
    rounds: target.kind === 'rounds' ? s.reflow.history.map((r) => r[target.metric]) : [],
  };
}

/** A label's width in Latin characters: a CJK character is about as wide as two (0.6 em each, storyMarkAnchor.ts). */
function labelWidth(text: string): number {
  return text.length + (text.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0);
}

export function StoryMarkLayer({ panel, x, y, plot }: StoryMarkLayerProps) {
  const chapter = useAppStore((s) => (s.story.open ? chapterById(s.story.chapter) : undefined));
  const mine = chapter?.panel === panel;
  const { t } = useTranslation();
  // only the chapter's panel redraws when the marked data moves: σ markers, curves (every 8th
  // version), the compare runs' curves, sweep results, rounds
  useAppStore((s) => (mine ? s.markers : null));
  useAppStore((s) => (mine ? Math.floor(s.curveVersion / 8) : 0));
  useAppStore((s) => (mine ? Math.floor(s.compareState.version / 8) : 0));
  useAppStore((s) => (mine ? s.sweep.results : null));
  useAppStore((s) => (mine ? s.sweep.spread : null));
  useAppStore((s) => (mine ? s.reflow.history : null));
  if (!chapter || !mine || !(plot.right > plot.left)) return null;
  const state = appStore.getState();
  const anchor = markAnchor(chapter.look.target, markData(state, chapter.look.target));
  if (!anchor) return null;
  // after a σ change the chapter's claim is about another run: the mark says what changed instead
  const change = anchor.kind === 'level' && anchor.sigmaChange !== null ? state.markers.find((m) => m.key === 'sigma' && m.step === anchor.sigmaChange) : undefined;
  const text = change ? t('story:mark.since', { change: change.label, step: formatCount(change.step) }) : t(`story:chapters.${chapter.id}.lookFor`);
  const value = anchor.kind === 'level' ? t('story:mark.now', { value: formatMetric(anchor.value, 2) }) : '';
  const { box, line, label } = markPixels(anchor, x, y, plot, labelWidth(text + value));
  return (
    <g className="story-mark" data-testid="story-mark-data" data-anchor={anchor.kind} data-target={chapter.look.target.kind}
      data-value={anchor.kind === 'level' ? anchor.value : undefined} data-sigma-change={anchor.kind === 'level' ? anchor.sigmaChange ?? '' : undefined}>
      <rect className="story-band" {...box} />
      {line !== null && <line className="story-level" x1={plot.left} x2={box.x + box.width} y1={line} y2={line} />}
      <text x={label.x} y={label.y} textAnchor={label.anchor} data-claim={change ? 'changed' : 'chapter'}>
        {text}
        {value && <tspan className="story-level-value">{value}</tspan>}
      </text>
    </g>
  );
}
