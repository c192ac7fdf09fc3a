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
  slicedW2: { label: 'sliced W2 to target', hint: 'generated cloud (fresh x0) vs a target sample' },
  gaussianW2: { label: 'Gaussian W2 to target', hint: 'closed form between the fitted Gaussian and the target' },
  generatedCov: { label: 'generated covariance', hint: 'covariance [[xx, xy], [yx, yy]] of the generated cloud (fresh x0)', matrix: true },
  straightness: { label: 'straightness', hint: 'E‖(x̂1 − x0) − v(x_t, t)‖² along the paths (0 = straight)' },
  transportCost: { label: 'transport cost', hint: 'E‖x̂1 − x0‖² against the OT cost W2²' },
};

export type MetricInfo = MetricText & { id: MetricId };

/** The rows in reading order. */
export const METRIC_LIST: readonly MetricInfo[] = (Object.keys(METRICS) as MetricId[]).map((id) => ({ id, ...METRICS[id] }));
