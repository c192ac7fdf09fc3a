// Gradient variance (top, log) and loss (bottom, log) of both runs on one plot: one colour per run,
// raw faint and EMA solid, one legend; the x axis spans the steps of the run.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { runSettingLabel } from './runLabel';
import { panelCanvas } from '../canvas';
import { CurveAxes } from '../CurveAxes';
import { CURVE_MARGIN, curveLayout, curveScales } from '../curveScales';
import { drawSeries, logExtent, type Column } from '../drawCurves';
import { useRedraw } from '../useRedraw';
import { useSize } from '../useSize';
import { readRunColours } from './runColours';
import type { CurveBuffer } from '../../state/curves';
import { PlotLayers } from '../PlotLayers';
import { StoryMarkLayer } from '../StoryMarkLayer';
import { RunMarkers } from '../RunMarkers';
import { axisGoal } from '../../state/runGoal';

/** The log extent over both runs' columns. */
function bothExtent(curves: (CurveBuffer | undefined)[], columns: Column[]): [number, number] {
  const ext = curves.filter((c): c is CurveBuffer => !!c && c.length > 0).map((c) => logExtent(c, columns));
  if (ext.length === 0) return [1e-3, 1];
  return [Math.min(...ext.map((e) => e[0])), Math.max(...ext.map((e) => e[1]))];
}

export function CompareCurves() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useSize(box);
  const segments = useAppStore((s) => s.segments);
  const steps = useAppStore((s) => s.config.steps);
  const target = useAppStore(axisGoal);
  const version = useAppStore((s) => Math.floor(s.compareState.version / 8));
  const key = useAppStore((s) => s.compare?.key ?? null);
  const labels = useAppStore((s) => s.compareState.runs.map((r) => (key ? runSettingLabel(key, r.config[key]) : '')).join('|'));
  const { t } = useTranslation();

  const layout = useMemo(() => curveLayout(size.height), [size.height]);

  const scales = useMemo(() => {
    const { compareState } = appStore.getState();
    const curves = compareState.runs.map((r) => r.curves);
    return curveScales(size.width, layout, compareState.step, target, bothExtent(curves, ['gradVar', 'gradVarEma']), bothExtent(curves, ['loss', 'lossEma']));
  }, [size.width, layout, target, version]);

  useRedraw(() => {
    const frame = panelCanvas(canvas.current, box.current, size);
    if (!frame || !box.current) return;
    const { ctx, p: { weight } } = frame;
    const colours = readRunColours(box.current);
    appStore.getState().compareState.runs.forEach((r, i) => {
      const color = colours[i];
      drawSeries(ctx, r.curves, 'gradVar', scales.x, scales.yTop, { color, width: weight, alpha: 0.25 });
      drawSeries(ctx, r.curves, 'gradVarEma', scales.x, scales.yTop, { color, width: 2 * weight, alpha: 1 });
      drawSeries(ctx, r.curves, 'loss', scales.x, scales.yBottom, { color, width: weight, alpha: 0.25 });
      drawSeries(ctx, r.curves, 'lossEma', scales.x, scales.yBottom, { color, width: 2 * weight, alpha: 1 });
    });
  }, (s) => [s.compareState.version, s.compareState.runs, s.theme], [scales, size.width, size.height]);

  const [la, lb] = labels.split('|');
  return (
    <div className="compare-curves">
      <p className="legend compare-legend" data-testid="compare-legend">
        <span className="key run-a">— A: {la}</span> <span className="key run-b">— B: {lb}</span>
        <span className="dim">{t('panels:compare.faint')}</span>
      </p>
      <PlotLayers box={box} canvas={canvas} size={size} canvasTestId="canvas-compare-curves"
        label={t('panels:compare.curvesLabel')}>
        <CurveAxes scales={scales} layout={layout} />
        <RunMarkers scales={scales} layout={layout} right={size.width - CURVE_MARGIN.right} markers={[]} segments={segments} segmentSteps={steps} />
        <StoryMarkLayer panel="compare" x={scales.x} y={scales.yTop}
          plot={{ left: CURVE_MARGIN.left, right: size.width - CURVE_MARGIN.right, top: layout.top[0], bottom: layout.top[1] }} />
      </PlotLayers>
    </div>
  );
}
