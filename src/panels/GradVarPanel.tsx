// Panel (c): the gradient-variance trace over steps (log y, raw and EMA) with the loss beneath,
// and a labelled vertical marker at each step where a training setting changed.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { panelCanvas } from './canvas';
import { CurveAxes } from './CurveAxes';
import { CURVE_MARGIN as M, curveLayout, curveScales } from './curveScales';
import { drawSeries, logExtent } from './drawCurves';
import { exportCurves } from './exportPanel';
import { PanelFrame } from './PanelFrame';
import { useRedraw } from './useRedraw';
import { useSize } from './useSize';
import { PlotLayers } from './PlotLayers';
import { StoryMarkLayer } from './StoryMarkLayer';
import { RunMarkers } from './RunMarkers';
import { axisGoal } from '../state/runGoal';
import { shownOverlay } from '../state/overlaySlice';
import { OverlayBar, OverlayCurves, overlayExtents, unionExtent } from './ResultsOverlay';

export function GradVarPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useSize(box);
  const markers = useAppStore((s) => s.markers);
  const segments = useAppStore((s) => s.segments);
  const steps = useAppStore((s) => s.config.steps);
  const target = useAppStore(axisGoal);
  const version = useAppStore((s) => Math.floor(s.curveVersion / 8)); // axes follow the data, not every frame

  const overlay = useAppStore((s) => shownOverlay(s, 'gradvar'));
  const { t } = useTranslation();
  const layout = useMemo(() => curveLayout(size.height), [size.height]);

  const scales = useMemo(() => {
    const curves = appStore.getState().curves;
    const last = curves.length > 0 ? curves.columns.step[curves.length - 1] : 0;
    // a results file beside the run: both fit on the axes (its steps may run far past the live run's)
    const o = overlayExtents(overlay);
    return curveScales(size.width, layout, Math.max(last, o.lastStep), target,
      unionExtent(logExtent(curves, ['gradVar', 'gradVarEma']), o.gradVar), unionExtent(logExtent(curves, ['loss', 'lossEma']), o.loss));
  }, [size.width, layout, target, version, overlay]);

  useRedraw(() => {
    const frame = panelCanvas(canvas.current, box.current, size);
    if (!frame) return;
    const { ctx, p } = frame;
    const { curves } = appStore.getState();
    drawSeries(ctx, curves, 'gradVar', scales.x, scales.yTop, { color: p.gradVar, width: p.weight, alpha: 0.3 });
    drawSeries(ctx, curves, 'gradVarEma', scales.x, scales.yTop, { color: p.gradVar, width: 2 * p.weight, alpha: 1 });
    drawSeries(ctx, curves, 'loss', scales.x, scales.yBottom, { color: p.loss, width: p.weight, alpha: 0.3 });
    drawSeries(ctx, curves, 'lossEma', scales.x, scales.yBottom, { color: p.loss, width: 2 * p.weight, alpha: 1 });
  }, (s) => [s.curveVersion, s.theme], [scales, size.width, size.height]);

  const tools = (
    <>
      <button type="button" className="tool" onClick={() => exportCurves(appStore.getState().curves, 'csv')} title={t('panels:gradvar.csvHint')} aria-label={t('panels:gradvar.csvLabel')}>CSV</button>
      <button type="button" className="tool" onClick={() => { const s = appStore.getState(); exportCurves(s.curves, 'json', { config: s.config, markers: s.markers, evaluation: s.evaluation?.metrics ?? null }); }} title={t('panels:gradvar.jsonHint')} aria-label={t('panels:gradvar.jsonLabel')}>JSON</button>
    </>
  );
  return (
    <PanelFrame id="gradvar" tools={tools} footer={<OverlayBar panel="gradvar" />}>
      <PlotLayers box={box} canvas={canvas} size={size} canvasTestId="canvas-gradvar"
        label={t('panels:gradvar.plotLabel')}>
        <CurveAxes scales={scales} layout={layout} />
        <RunMarkers scales={scales} layout={layout} right={size.width - M.right} markers={markers} segments={segments} segmentSteps={steps} />
        {overlay && <OverlayCurves overlay={overlay} x={scales.x} yTop={scales.yTop} yBottom={scales.yBottom} labelX={M.left + 6} labelY={layout.top[0] + 12} />}
        <StoryMarkLayer panel="gradvar" x={scales.x} y={scales.yTop} plot={{ left: M.left, right: size.width - M.right, top: layout.top[0], bottom: layout.top[1] }} />
      </PlotLayers>
    </PanelFrame>
  );
}
