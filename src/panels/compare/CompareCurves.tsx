// Gradient variance (top, log) and loss (bottom, log) of both runs on one plot: one colour per run,
// raw faint and EMA solid, one legend; the x axis spans the steps of the run.
import { useEffect, useMemo, useRef } from 'react';
import { scaleLinear, scaleLog } from 'd3';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { settingLabel } from '../../engine/compare';
import { fitCanvas } from '../canvas';
import { drawAxisBottom, drawAxisLeft, logTick } from '../axes';
import { drawSeries, logExtent, type Column } from '../drawCurves';
import { readPalette } from '../palette';
import { useRedraw } from '../useRedraw';
import { useSize } from '../useSize';
import { readRunColours } from './runColours';
import type { CurveBuffer } from '../../state/curves';

const M = { top: 22, right: 12, bottom: 26, left: 50, gap: 26 };
const TOP_SHARE = 0.58;

/** The log extent over both runs' columns. */
function bothExtent(curves: (CurveBuffer | undefined)[], columns: Column[]): [number, number] {
  const ext = curves.filter((c): c is CurveBuffer => !!c && c.length > 0).map((c) => logExtent(c, columns));
  if (ext.length === 0) return [1e-3, 1];
  return [Math.min(...ext.map((e) => e[0])), Math.max(...ext.map((e) => e[1]))];
}

export function CompareCurves() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gx = useRef<SVGGElement>(null);
  const gyTop = useRef<SVGGElement>(null);
  const gyBottom = useRef<SVGGElement>(null);
  const size = useSize(box);
  const target = useAppStore((s) => s.config.steps);
  const version = useAppStore((s) => Math.floor(s.compareState.version / 8));
  const key = useAppStore((s) => s.compare?.key ?? null);
  const labels = useAppStore((s) => s.compareState.runs.map((r) => (key ? settingLabel(key, r.config[key]) : '')).join('|'));

  const layout = useMemo(() => {
    const inner = Math.max(20, size.height - M.top - M.bottom - M.gap);
    const topH = inner * TOP_SHARE;
    return { top: [M.top, M.top + topH] as const, bottom: [M.top + topH + M.gap, size.height - M.bottom] as const };
  }, [size.height]);

  const scales = useMemo(() => {
    const { compareState } = appStore.getState();
    const curves = compareState.runs.map((r) => r.curves);
    const last = compareState.step;
    const ahead = Math.max(50, last * 1.15);
    const xMax = target > 0 && last <= target ? Math.min(target, ahead) : ahead;
    const x = scaleLinear().domain([0, xMax]).range([M.left, Math.max(M.left + 10, size.width - M.right)]);
    const yTop = scaleLog().domain(bothExtent(curves, ['gradVar', 'gradVarEma'])).range([layout.top[1], layout.top[0]]).nice().clamp(true);
    const yBottom = scaleLog().domain(bothExtent(curves, ['loss', 'lossEma'])).range([layout.bottom[1], layout.bottom[0]]).nice().clamp(true);
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
    const weight = readPalette(box.current).weight;
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
        <span className="dim"> (faint: every step; solid: EMA)</span>
      </p>
      <div className="plot" ref={box}>
        <canvas ref={canvas} data-testid="canvas-compare-curves" />
        <svg width={size.width} height={size.height} role="img" aria-label="Gradient variance and loss of runs A and B over training steps">
          <g ref={gx} className="axis" />
          <g ref={gyTop} className="axis" />
          <g ref={gyBottom} className="axis" />
          <text className="chart-title gradvar" x={M.left + 4} y={layout.top[0] - 6}>gradient variance tr Cov[∇ℓ] (log)</text>
          <text className="chart-title loss" x={M.left + 4} y={layout.bottom[0] - 6}>loss (log)</text>
        </svg>
      </div>
    </div>
  );
}
