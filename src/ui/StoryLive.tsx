// The live values of the figures a chapter's text quotes, on its card (docs/design.md#the-story): what the
// card says is on the same screen whichever panel is in view (the projector shows one row of
// panels). The single run's latest evaluation and gradient-variance EMA, or runs A and B's.
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric, formatPercent } from '../format/format';
import { t } from '../i18n/i18n';
import { appStore, type Store } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import type { EvalMetrics } from '../engine/trainer';
import type { CurveBuffer } from '../state/curves';
import type { Chapter, LiveFigure } from '../story/chapters';

interface RunView { metrics: EvalMetrics | null; curves: CurveBuffer }

/** A figure of the evaluation says its step when the run has moved on since (evaluations lag on the CPU). */
function evaluated(text: string, m: EvalMetrics, step: number): string {
  return m.step === step ? text : t('story:live.atStep', { value: text, step: formatCount(m.step) });
}

function value(figure: LiveFigure, run: RunView, step: number): string {
  const m = run.metrics;
  switch (figure) {
    case 'reproduction': return m ? evaluated(formatPercent(m.reproduction), m, step) : '—';
    case 'gradVar': return formatMetric(run.curves.last()?.gradVarEma, 2);
    case 'gaussianW2': return m ? evaluated(formatMetric(m.gaussianW2, 2), m, step) : '—';
    case 'spread': return m ? evaluated(formatMetric((m.generatedCov[0] + m.generatedCov[3]) / 2, 2), m, step) : '—';
    default: {
      const unknown: never = figure;
      return String(unknown);
    }
  }
}

function runs(s: Store): RunView[] {
  if (s.compare) return s.compareState.runs.map((r) => ({ metrics: r.evaluation?.metrics ?? null, curves: r.curves }));
  return [{ metrics: s.evaluation?.metrics ?? null, curves: s.curves }];
}

export function StoryLive({ chapter }: { chapter: Chapter }) {
  useTranslation(); // redraw in a new language
  // redraw on evaluations and now and then as the curves grow
  useAppStore((s) => s.evaluation);
  useAppStore((s) => s.compareState.runs);
  useAppStore((s) => Math.floor(s.curveVersion / 16));
  useAppStore((s) => Math.floor(s.compareState.version / 16));
  const figures = chapter.live ?? [];
  if (figures.length === 0) return null;
  const views = runs(appStore.getState());
  const chanceOf = views.find((v) => v.metrics)?.metrics?.chance;
  const chance = chanceOf ? Math.round(1 / chanceOf) : null;
  const step = appStore.getState().compare ? appStore.getState().compareState.step : appStore.getState().stepCount;
  return (
    <p className="story-live" data-testid="story-live">
      <span className="dim">{t('story:live.now', { step: formatCount(step) })}</span>{' '}
      {figures.map((f, i) => (
        <span key={f} data-figure={f}>
          {i > 0 && ' · '}{t(`story:live.figure.${f}`)} <strong>{views.map((v) => value(f, v, step)).join(' / ')}</strong>
          {f === 'reproduction' && chance !== null && <span className="dim"> {t('story:live.chance', { chance: `1/${formatCount(chance)}` })}</span>}
        </span>
      ))}
      {views.length > 1 && <span className="dim"> (A / B)</span>}
    </p>
  );
}
