// How each RunConfig field appears as a control: its group, a short label and the widget. Ranges,
// defaults and docs come from RUN_CONFIG_FIELDS (one table); this one only adds presentation.
import type { ConfigKey, RunConfig } from '../engine/runConfig';

export type Widget =
  /** <select> over the enum's values */
  | 'select'
  /** slider on a log scale (the field's min…max) with the exact value beside it */
  | 'log'
  /** slider over powers of two within the field's range, for counts (pairs, batch, width) */
  | 'pow2'
  /** linear slider */
  | 'linear'
  /** plain number box (seed, large counts) */
  | 'number'
  /** the σ slider of src/ui/SigmaSlider.tsx */
  | 'sigma';

export interface ControlSpec {
  key: ConfigKey;
  label: string;
  widget: Widget;
  /** slider step for 'linear' */
  step?: number;
  /** shown only when this holds (e.g. φ for the rotated coupling) */
  when?: (c: RunConfig) => boolean;
  /** shown under "more" (folded by default) */
  advanced?: boolean;
}

export interface ControlGroup {
  title: string;
  controls: ControlSpec[];
}

/** The advanced placement controls of one side; std y and correlation only mean something for a Gaussian. */
function placementControls(prefix: 'src' | 'tgt', side: 'source' | 'target'): ControlSpec[] {
  const gaussian = (c: RunConfig) => c[side] === 'gaussian';
  const row = (suffix: string, label: string, step: number, when?: (c: RunConfig) => boolean): ControlSpec =>
    ({ key: `${prefix}${suffix}` as ConfigKey, label: `${side} ${label}`, widget: 'linear', step, advanced: true, ...(when ? { when } : {}) });
  return [row('Mx', 'mean x', 0.1), row('My', 'mean y', 0.1), row('Sx', 'std x', 0.05), row('Sy', 'std y', 0.05, gaussian), row('Rho', 'correlation', 0.05, gaussian)];
}

export const CONTROL_GROUPS: ControlGroup[] = [
  {
    title: 'Interpolant',
    controls: [
      { key: 'sigma', label: 'σ (noise)', widget: 'sigma' },
      { key: 'interpolant', label: 'kind', widget: 'select' },
    ],
  },
  {
    title: 'Pairs',
    controls: [
      { key: 'coupling', label: 'coupling', widget: 'select' },
      { key: 'phi', label: 'rotation φ', widget: 'linear', step: Math.PI / 12, when: (c) => c.coupling === 'rotated' },
      { key: 'pairs', label: 'pairs N', widget: 'pow2', when: (c) => c.coupling !== 'user' },
      { key: 'source', label: 'source', widget: 'select' },
      { key: 'target', label: 'target', widget: 'select' },
      { key: 'pointJitter', label: 'point jitter', widget: 'linear', step: 0.01, when: (c) => c.source === 'points' || c.target === 'points' },
      ...placementControls('src', 'source'),
      ...placementControls('tgt', 'target'),
    ],
  },
  {
    title: 'Model & training',
    controls: [
      { key: 'width', label: 'width', widget: 'pow2' },
      { key: 'depth', label: 'depth', widget: 'linear', step: 1 },
      { key: 'activation', label: 'activation', widget: 'select' },
      { key: 'lr', label: 'learning rate', widget: 'log' },
      { key: 'batch', label: 'batch', widget: 'pow2' },
      { key: 'steps', label: 'train to step (0 = ∞)', widget: 'number' },
      { key: 'fourier', label: 'Fourier features of t', widget: 'linear', step: 1, advanced: true },
      { key: 'weightDecay', label: 'weight decay', widget: 'linear', step: 0.001, advanced: true },
      { key: 'warmup', label: 'lr warm-up steps', widget: 'number', advanced: true },
      { key: 'schedule', label: 'lr schedule', widget: 'select', advanced: true },
    ],
  },
  {
    title: 'Integration',
    controls: [
      { key: 'integrator', label: 'integrator', widget: 'select' },
      { key: 'odeSteps', label: 'ODE steps', widget: 'linear', step: 1 },
      { key: 'particles', label: 'fresh particles', widget: 'pow2' },
      { key: 'seed', label: 'seed', widget: 'number' },
    ],
  },
];
