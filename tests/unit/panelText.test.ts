// The panels' words and numbers follow the reader's language (docs/i18n.md): screen-reader
// summaries, change markers, the σ sweep's tick labels and the metric names, in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../src/i18n/i18n';
import { createAppStore } from '../../src/state/store';
import { changeMarkers } from '../../src/state/markers';
import { defaultConfig } from '../../src/engine/runConfig';
import { panelSummary, type SummaryState } from '../../src/panels/panelSummary';
import { runMarks } from '../../src/panels/RunMarkers';
import { sigmaLabel } from '../../src/panels/science/sigmaAxis';
import { METRIC_LIST, metricLabel } from '../../src/panels/metricList';
import { compareRows } from '../../src/panels/compare/compareRows';

afterEach(async () => { await applyLanguage('en'); });

function state(): SummaryState {
  const store = createAppStore();
  const config = { ...defaultConfig(), sigma: 0.05, pairs: 12300 };
  const markers = changeMarkers(400, config, { ...config, sigma: 0.3, interpolant: 'bridge' });
  store.setState({ config, stepCount: 1500, markers, gradVarByT: [0.5, 0.0123] });
  return store.getState() as SummaryState;
}

describe('panel text in the reader\'s language', () => {
  it('summaries: English word for word, German words with decimal commas and grouped thousands', async () => {
    const s = state();
    expect(panelSummary('pairs', s)).toBe(`12,300 training pairs, ${s.config.coupling} coupling, σ = 0.05 (${s.config.interpolant})`);
    expect(panelSummary('gradvar', s)).toBe('step 1,500, loss —, gradient variance —; changes: σ 0.05 → 0.3 at step 400, interpolant constant → bridge at step 400');
    expect(panelSummary('tbins', s)).toBe('gradient variance by t bin: 0.5, 0.012');
    expect(panelSummary('sweep', s)).toBe('no sweep run yet');
    await applyLanguage('de');
    expect(panelSummary('pairs', s)).toBe(`12.300 Trainingspaare, Kopplung unabhängig, σ = 0,05 (konstant)`);
    expect(panelSummary('gradvar', s)).toBe('Schritt 1.500, Verlust —, Gradientenvarianz —; Änderungen: σ 0,05 → 0,3 bei Schritt 400, Interpolante konstant → Brücke bei Schritt 400');
    // a semicolon between values whose decimal mark is a comma
    expect(panelSummary('tbins', s)).toBe('Gradientenvarianz je Intervall von t: 0,5; 0,012');
  });

  it('run marks name the setting and the segment in the language', async () => {
    const s = state();
    expect(runMarks(s.markers, [400, 1200], 800).map((m) => m.label)).toEqual(['interpolant constant → bridge, σ 0.05 → 0.3, +800 steps', '+800 steps']);
    // markers made in English read in German after the switch, decimal commas included
    await applyLanguage('de');
    expect(runMarks(s.markers, [400, 1200], 1500).map((m) => m.label)).toEqual(['Interpolante konstant → Brücke, σ 0,05 → 0,3, +1.500 Schritte', '+1.500 Schritte']);
  });

  it('σ tick labels: decades, small σ in scientific notation, the rest with the locale\'s decimal mark', async () => {
    expect([0, 1e-3, 0.005, 0.03, 0.3, 1, 1000].map(sigmaLabel)).toEqual(['0', '1e-3', '5e-3', '0.03', '0.3', '1', '1e3']);
    await applyLanguage('de');
    expect([0, 1e-3, 0.005, 0.03, 0.3, 1].map(sigmaLabel)).toEqual(['0', '1e-3', '5e-3', '0,03', '0,3', '1']);
  });

  it('metric names and the compare rows come from the catalogue', async () => {
    expect(METRIC_LIST.map((m) => metricLabel(m.id))).toContain('pair reproduction');
    expect(compareRows([], []).map((r) => r.label).slice(0, 3)).toEqual(['gradient variance (EMA)', 'loss (EMA)', 'pair reproduction']);
    await applyLanguage('zh');
    expect(compareRows([], []).map((r) => r.label).slice(0, 3)).toEqual(['梯度方差（EMA）', '损失（EMA）', '样本对复现率']);
  });
});
