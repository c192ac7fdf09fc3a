// What each panel shows, as one sentence of numbers: the text a screen reader gets instead of
// the canvas (and the PNG/SVG export's caption), in the reader's language (panels:summary.*).
// One function per panel id; pure, no DOM.
import { formatCount, formatFixed, formatMetric, formatPercent, formatSigma } from '../format/format';
import { t } from '../i18n/i18n';
import { markerText } from './markerText';
import { optionName } from './optionName';
import type { Store } from '../state/store';
import type { ScienceSlice } from '../state/scienceSlice';
import type { PanelId } from '../story/panelList';

/** The store as the summaries read it (the science slice is attached to the page store). */
export type SummaryState = Store & Partial<ScienceSlice>;

function training(s: SummaryState): string {
  const last = s.curves.last();
  return t('panels:summary.training', { step: formatCount(s.stepCount), loss: formatMetric(last?.lossEma), gradVar: formatMetric(last?.gradVarEma) });
}

function reproduction(s: SummaryState): string {
  const m = s.evaluation?.metrics;
  if (!m) return t('panels:summary.notEvaluated');
  return t('panels:summary.evaluated', { step: formatCount(m.step), rate: formatPercent(m.reproduction), chance: formatPercent(m.chance), w2: formatMetric(m.slicedW2) });
}

const SUMMARIES: Record<PanelId, (s: SummaryState) => string> = {
  pairs: (s) => t('panels:summary.pairs', { n: formatCount(s.pairs?.n ?? s.config.pairs), coupling: optionName('coupling', s.config.coupling), sigma: formatSigma(s.config.sigma), interpolant: optionName('interpolant', s.config.interpolant) }),
  flow: (s) => t('panels:summary.flow', { reproduction: reproduction(s) }),
  gradvar: (s) => (s.markers.length
    ? t('panels:summary.changes', { training: training(s), changes: s.markers.map((m) => t('panels:summary.change', { label: markerText(m), step: formatCount(m.step) })).join(', ') })
    : training(s)),
  readouts: (s) => t('panels:summary.readouts', { reproduction: reproduction(s) }),
  tbins: (s) => t('panels:summary.tbins', { values: s.gradVarByT.map((v) => formatMetric(v, 2)).join(t('panels:summary.separator')) }),
  sweep: (s) => {
    const sw = s.sweep;
    if (!sw || sw.status === 'idle') return t('panels:summary.sweepNone');
    if (!sw.results) return t('panels:summary.sweepRunning', { status: t(`panels:summary.status.${sw.status}`), step: formatCount(sw.step), target: formatCount(sw.target) });
    return t('panels:summary.sweep', { rows: sw.results.map((r) => t('panels:summary.sweepRow', { sigma: formatSigma(r.sigma), rate: formatPercent(r.metrics.reproduction) })).join('; ') });
  },
  reflow: (s) => {
    const h = s.reflow?.history ?? [];
    if (h.length === 0) return t('panels:summary.reflowNone');
    return h.map((r) => t('panels:summary.reflowRow', { round: formatCount(r.round), cost: formatMetric(r.transportCost), rate: formatPercent(r.reproduction) })).join('; ');
  },
  compare: (s) => {
    const runs = s.compareState.runs;
    if (runs.length === 0) return t('panels:summary.compareOff');
    const shown = runs.map((r, i) => t('panels:summary.compareRun', { run: 'AB'[i] ?? formatCount(i + 1), sigma: formatSigma(r.config.sigma), rate: formatPercent(r.evaluation?.metrics.reproduction) }));
    return t('panels:summary.compare', { step: formatCount(s.compareState.step), runs: shown.join('; ') });
  },
  crossing: (s) => t('panels:summary.crossing', { t: formatFixed(s.crossing?.t ?? 0.5, 2), coupling: optionName('coupling', s.config.coupling) }),
};

export function panelSummary(id: PanelId, s: SummaryState): string {
  return SUMMARIES[id](s);
}
