// What each panel shows, as one sentence of numbers: the text a screen reader gets instead of
// the canvas (and the PNG/SVG export's caption). One function per panel id; pure, no DOM.
import { formatMetric, formatPercent } from '../format/format';
import { formatSigma } from '../format/format';
import type { Store } from '../state/store';
import type { ScienceSlice } from '../state/scienceSlice';
import type { PanelId } from '../story/panelList';

/** The store as the summaries read it (the science slice is attached to the page store). */
export type SummaryState = Store & Partial<ScienceSlice>;

function training(s: SummaryState): string {
  const last = s.curves.last();
  return `step ${s.stepCount}, loss ${formatMetric(last?.lossEma)}, gradient variance ${formatMetric(last?.gradVarEma)}`;
}

function reproduction(s: SummaryState): string {
  const m = s.evaluation?.metrics;
  if (!m) return 'not evaluated yet';
  return `at step ${m.step}: pair reproduction ${formatPercent(m.reproduction)} (chance ${formatPercent(m.chance)}), sliced W2 to the target ${formatMetric(m.slicedW2)}`;
}

const SUMMARIES: Record<PanelId, (s: SummaryState) => string> = {
  pairs: (s) => `${s.pairs?.n ?? s.config.pairs} training pairs, ${s.config.coupling} coupling, σ = ${formatSigma(s.config.sigma)} (${s.config.interpolant})`,
  flow: (s) => `Learned flow ${reproduction(s)}`,
  gradvar: (s) => `${training(s)}${s.markers.length ? `; changes: ${s.markers.map((m) => `${m.label} at step ${m.step}`).join(', ')}` : ''}`,
  readouts: (s) => `Memorization ${reproduction(s)}`,
  tbins: (s) => `gradient variance by t bin: ${s.gradVarByT.map((v) => formatMetric(v, 2)).join(', ')}`,
  sweep: (s) => {
    const sw = s.sweep;
    if (!sw || sw.status === 'idle') return 'no sweep run yet';
    if (!sw.results) return `sweep ${sw.status}, step ${sw.step} of ${sw.target}`;
    return `σ sweep: ${sw.results.map((r) => `σ ${formatSigma(r.sigma)} reproduces ${formatPercent(r.metrics.reproduction)}`).join('; ')}`;
  },
  reflow: (s) => {
    const h = s.reflow?.history ?? [];
    if (h.length === 0) return 'no ReFlow rounds yet';
    return h.map((r) => `round ${r.round}: transport cost ${formatMetric(r.transportCost)}, reproduction ${formatPercent(r.reproduction)}`).join('; ');
  },
  compare: (s) => {
    const runs = s.compareState.runs;
    if (runs.length === 0) return 'compare mode is off';
    return `step ${s.compareState.step}: ${runs.map((r, i) => `run ${'AB'[i] ?? i + 1} (σ = ${formatSigma(r.config.sigma)}) pair reproduction ${formatPercent(r.evaluation?.metrics.reproduction)}`).join('; ')}`;
  },
  crossing: (s) => `conditional target variance at t = ${(s.crossing?.t ?? 0.5).toFixed(2)} for ${s.config.coupling} pairs`,
};

export function panelSummary(id: PanelId, s: SummaryState): string {
  return SUMMARIES[id](s);
}
