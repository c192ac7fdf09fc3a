// How each RunConfig field appears as a control: its group and the widget. Ranges and defaults
// come from RUN_CONFIG_FIELDS (one table); this one only adds presentation. The words (labels,
// hints, option names) are the catalogue's, keyed by config key (docs/i18n.md): the fields' `doc`
// strings stay the CLI's help.
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
  widget: Widget;
  /** slider step for 'linear' */
  step?: number;
  /** shown only when this holds (e.g. φ for the rotated coupling) */
  when?: (c: RunConfig) => boolean;
  /** shown under "more" (folded by default) */
  advanced?: boolean;
}

export interface ControlGroup {
  /** the group's heading: `controls.groups.<id>` in the catalogue */
  id: 'interpolant' | 'pairs' | 'model' | 'integration';
  controls: ControlSpec[];
}

/** The advanced placement controls of one side; std y and correlation only mean something for a Gaussian. */
function placementControls(prefix: 'src' | 'tgt', side: 'source' | 'target'): ControlSpec[] {
  const gaussian = (c: RunConfig) => c[side] === 'gaussian';
  const row = (suffix: string, step: number, when?: (c: RunConfig) => boolean): ControlSpec =>
    ({ key: `${prefix}${suffix}` as ConfigKey, widget: 'linear', step, advanced: true, ...(when ? { when } : {}) });
  return [row('Mx', 0.1), row('My', 0.1), row('Sx', 0.05), row('Sy', 0.05, gaussian), row('Rho', 0.05, gaussian)];
}

export const CONTROL_GROUPS: ControlGroup[] = [
  {
    id: 'interpolant',
    controls: [
      { key: 'sigma', widget: 'sigma' },
      { key: 'interpolant', widget: 'select' },
    ],
  },
  {
    id: 'pairs',
    controls: [
      { key: 'coupling', widget: 'select' },
      { key: 'phi', widget: 'linear', step: Math.PI / 12, when: (c) => c.coupling === 'rotated' },
      { key: 'pairs', widget: 'pow2', when: (c) => c.coupling !== 'user' },
      { key: 'source', widget: 'select' },
      { key: 'target', widget: 'select' },
      { key: 'pointJitter', widget: 'linear', step: 0.01, when: (c) => c.source === 'points' || c.target === 'points' },
      ...placementControls('src', 'source'),
      ...placementControls('tgt', 'target'),
    ],
  },
  {
    id: 'model',
    controls: [
      { key: 'width', widget: 'pow2' },
      { key: 'depth', widget: 'linear', step: 1 },
      { key: 'activation', widget: 'select' },
      { key: 'lr', widget: 'log' },
      { key: 'batch', widget: 'pow2' },
      { key: 'steps', widget: 'number' },
      { key: 'fourier', widget: 'linear', step: 1, advanced: true },
      { key: 'weightDecay', widget: 'linear', step: 0.001, advanced: true },
      { key: 'warmup', widget: 'number', advanced: true },
      { key: 'schedule', widget: 'select', advanced: true },
    ],
  },
  {
    id: 'integration',
    controls: [
      { key: 'integrator', widget: 'select' },
      { key: 'odeSteps', widget: 'linear', step: 1 },
      { key: 'particles', widget: 'pow2' },
      { key: 'seed', widget: 'number' },
    ],
  },
];

/**
 * The enum fields whose values are words, named in the catalogue as `controls.options.<key>.<value>`
 * (the panels name them the same way: src/panels/optionName.ts); activations and integrators are
 * names and show as they are.
 */
export const WORD_OPTIONS: readonly ConfigKey[] = ['source', 'target', 'coupling', 'interpolant', 'schedule'];
