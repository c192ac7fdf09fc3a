// The evaluation's figures as people read them (docs/design.md#what-is-measured): a label and what it measures for every
// EvalMetrics field. The readouts panel and the compare table read this record, and the type
// checker asks for a row when EvalMetrics gains a field. The CLI's column order is a public
// interface of its own (src/cli/rows.ts ROW_KEYS).
import type { EvalMetrics } from '../engine/trainer';

/** The figures shown; `step`, `chance` and `otCost` are shown beside them, not as rows. */
export type MetricId = Exclude<keyof EvalMetrics, 'step' | 'chance' | 'otCost'>;

export interface MetricText {
  label: string;
  /** what it measures (the readout's tooltip) */
  hint: string;
  /** shown as a percentage */
  percent?: true;
  /** not one number per run (the compare table leaves it out) */
  matrix?: true;
}

const METRICS: Record<MetricId, MetricText> = {
  reproduction: { label: 'pair reproduction', hint: 'share of training x0 whose flow endpoint is nearest to its own partner x1', percent: true },
  partnerDistance: { label: 'distance to partner', hint: 'mean ‖endpoint − own partner x1‖' },
  slicedW2: { label: 'sliced W2 to target', hint: 'distance of the generated cloud (fresh x0) to a target sample, averaged over 1-D projections; 0 = same cloud' },
  gaussianW2: { label: 'Gaussian W2 to target', hint: 'distance of a Gaussian fitted to the generated cloud to the target Gaussian (closed form); 0 = same' },
  generatedCov: { label: 'generated covariance', hint: 'covariance [[xx, xy], [yx, yy]] of the generated cloud (fresh x0)', matrix: true },
  // `straightness` is 0 for straight paths and grows as they bend: shown as what it measures
  straightness: { label: 'path curvature', hint: 'how far the paths bend: E‖(x̂1 − x0) − v(x_t, t)‖² along them; 0 = straight lines' },
  transportCost: { label: 'transport cost', hint: 'mean squared distance each point travels, E‖x̂1 − x0‖², against the least possible (optimal transport, OT)' },
};

export type MetricInfo = MetricText & { id: MetricId };

/** The rows in reading order. */
export const METRIC_LIST: readonly MetricInfo[] = (Object.keys(METRICS) as MetricId[]).map((id) => ({ id, ...METRICS[id] }));
