// Panel (c): the gradient-variance trace over steps (log y, raw and EMA) with the loss beneath,
// and a labelled vertical marker at each step where a training setting changed.
import { useEffect, useMemo, useRef } from 'react';
import { scaleLinear, scaleLog } from 'd3';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { fitCanvas } from './canvas';
import { drawAxisBottom, drawAxisLeft, logTick } from './axes';
import { drawSeries, logExtent } from './drawCurves';
import { exportCurves } from './exportPanel';
import { readPalette } from './palette';
import { PanelFrame } from './PanelFrame';
import { useRedraw } from './useRedraw';
import { useSize } from './useSize';

const M = { top: 22, right: 12, bottom: 26, left: 50, gap: 26 };
/** Share of the plot height given to the gradient-variance chart (the loss gets the rest). */
const TOP_SHARE = 0.58;

export function GradVarPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gx = useRef<SVGGElement>(null);
  const gyTop = useRef<SVGGElement>(null);
  const gyBottom = useRef<SVGGElement>(null);
  const size = useSize(box);
  const markers = useAppStore((s) => s.markers);
  const target = useAppStore((s) => s.config.steps);
  const version = useAppStore((s) => Math.floor(s.curveVersion / 8)); // axes follow the data, not every frame

  const layout = useMemo(() => {
    const inner = Math.max(20, size.height - M.top - M.bottom - M.gap);
    const topH = inner * TOP_SHARE;
    return { top: [M.top, M.top + topH] as const, bottom: [M.top + topH + M.gap, size.height - M.bottom] as const };
  }, [size.height]);

  const scales = useMemo(() => {
    const curves = appStore.getState().curves;
    const last = curves.length > 0 ? curves.columns.step[curves.length - 1] : 0;
    // the axis grows with the run (15 % ahead), up to the step the run trains to
    const ahead = Math.max(50, last * 1.15);
    const xMax = target > 0 && last <= target ? Math.min(target, ahead) : ahead;
    const x = scaleLinear().domain([0, xMax]).range([M.left, Math.max(M.left + 10, size.width - M.right)]);
    const yTop = scaleLog().domain(logExtent(curves, ['gradVar', 'gradVarEma'])).range([layout.top[1], layout.top[0]]).nice().clamp(true);
    const yBottom = scaleLog().domain(logExtent(curves, ['loss', 'lossEma'])).range([layout.bottom[1], layout.bottom[0]]).nice().clamp(true);
    return { x, yTop, yBottom };
  }, [size.width, layout, target, version]);

  useEffect(() => {
    drawAxisBottom(gx.current, scales.x, layout.bottom[1], 6);
    drawAxisLeft(gyTop.current, scales.yTop, M.left, 4, logTick);
    drawAxisLeft(gyBottom.current, scales.yBottom, M.left, 3, logTick);
  }, [scales, layout]);

  useRedraw(() => {
    const c = canvas.current;
    if (!c || !box.current || size.width === 0) return;
    const ctx = fitCanvas(c, size.width, size.height);
    if (!ctx) return;
    const { curves } = appStore.getState();
    const p = readPalette(box.current);
    drawSeries(ctx, curves, 'gradVar', scales.x, scales.yTop, { color: p.gradVar, width: p.weight, alpha: 0.3 });
    drawSeries(ctx, curves, 'gradVarEma', scales.x, scales.yTop, { color: p.gradVar, width: 2 * p.weight, alpha: 1 });
    drawSeries(ctx, curves, 'loss', scales.x, scales.yBottom, { color: p.loss, width: p.weight, alpha: 0.3 });
    drawSeries(ctx, curves, 'lossEma', scales.x, scales.yBottom, { color: p.loss, width: 2 * p.weight, alpha: 1 });
  }, (s) => [s.curveVersion, s.theme], [scales, size.width, size.height]);

  const tools = (
    <>
      <button type="button" className="tool" onClick={() => exportCurves(appStore.getState().curves, 'csv')} title="Curves as CSV" aria-label="Save the gradient variance & loss curves as CSV">CSV</button>
      <button type="button" className="tool" onClick={() => { const s = appStore.getState(); exportCurves(s.curves, 'json', { config: s.config, markers: s.markers, evaluation: s.evaluation?.metrics ?? null }); }} title="Curves, markers, config and metrics as JSON" aria-label="Save the gradient variance & loss curves as JSON">JSON</button>
    </>
  );
  return (
    <PanelFrame id="gradvar" tools={tools}>
      <div className="plot" ref={box}>
        <canvas ref={canvas} data-testid="canvas-gradvar" />
        <svg width={size.width} height={size.height} role="img" aria-label="Gradient variance and loss over training steps">
          <g ref={gx} className="axis" />
          <g ref={gyTop} className="axis" />
          <g ref={gyBottom} className="axis" />
          <text className="chart-title gradvar" x={M.left + 4} y={layout.top[0] - 6}>gradient variance tr Cov[∇ℓ] (log)</text>
          <text className="chart-title loss" x={M.left + 4} y={layout.bottom[0] - 6}>loss (log)</text>
          {markers.map((m, i) => {
            const x = scales.x(m.step);
            if (!(x >= M.left && x <= size.width - M.right)) return null;
            return (
              <g key={i} className="marker" data-testid="change-marker" data-step={m.step}>
                <line x1={x} x2={x} y1={layout.top[0]} y2={layout.bottom[1]} />
                <text x={x + 3} y={layout.top[0] + 12 + 13 * (i % 4)}>{m.label}</text>
              </g>
            );
          })}
        </svg>
      </div>
    </PanelFrame>
  );
}
