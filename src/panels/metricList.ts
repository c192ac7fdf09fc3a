// The evaluation's figures as people read them (docs/design.md#what-is-measured): a label and what it measures for every
// EvalMetrics field, from the catalogue (panels:metric.<id>, docs/i18n.md). The readouts panel and the compare table read this record, and the type
// checker asks for a row when EvalMetrics gains a field. The CLI's column order is a public
// interface of its own (src/cli/rows.ts ROW_KEYS).
import type { EvalMetrics } from '../engine/trainer';
import { t } from '../i18n/i18n';

/** The figures shown; `step`, `chance` and `otCost` are shown beside them, not as rows. */
export type MetricId = Exclude<keyof EvalMetrics, 'step' | 'chance' | 'otCost'>;

export interface MetricText {
  /** shown as a percentage */
  percent?: true;
  /** not one number per run (the compare table leaves it out) */
  matrix?: true;
}

// `straightness` is 0 for straight paths and grows as they bend: its label names what it measures (path curvature)
const METRICS: Record<MetricId, MetricText> = {
  reproduction: { percent: true },
  partnerDistance: {},
  slicedW2: {},
  gaussianW2: {},
  generatedCov: { matrix: true },
  straightness: {},
  transportCost: {},
};

/** The figure's name in the reader's language. */
export function metricLabel(id: MetricId): string {
  return t(`panels:metric.${id}.label`);
}

/** What the figure measures (the readout's tooltip). */
export function metricHint(id: MetricId): string {
  return t(`panels:metric.${id}.hint`);
}

export type MetricInfo = MetricText & { id: MetricId };

/** The rows in reading order. */
export const METRIC_LIST: readonly MetricInfo[] = (Object.keys(METRICS) as MetricId[]).map((id) => ({ id, ...METRICS[id] }));
