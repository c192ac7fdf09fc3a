// Panel (d): gradient variance per time bin of the latest step: where along t the per-sample
// gradients disagree (docs/design.md#what-is-measured). Log y; the axis keeps its range unless the bars leave it.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../format/format';
import { scaleBand, scaleLog } from 'd3';
import { T_BINS } from '../math/metrics';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { fitCanvas } from './canvas';
import { drawAxisLeft, logTick } from './axes';
import { drawBars } from './drawBars';
import { readPalette } from './palette';
import { PanelFrame } from './PanelFrame';
import { useRedraw } from './useRedraw';
import { useSize } from './useSize';
import { PlotLayers } from './PlotLayers';

const M = { top: 10, right: 10, bottom: 30, left: 50 };
const BINS = Array.from({ length: T_BINS }, (_, i) => i);

/** Decade bounds of the positive finite values. */
function decades(values: readonly number[]): [number, number] {
  const ok = values.filter((v) => Number.isFinite(v) && v > 0);
  if (ok.length === 0) return [1e-3, 1];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...ok))), hi = 10 ** Math.ceil(Math.log10(Math.max(...ok)));
  return [lo, hi > lo ? hi : lo * 10];
}

export function TBinsPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gy = useRef<SVGGElement>(null);
  const size = useSize(box);
  const domainKey = useAppStore((s) => decades(s.gradVarByT).join(','));
  const { t, i18n } = useTranslation();

  const scales = useMemo(() => {
    const [lo, hi] = domainKey.split(',').map(Number);
    const x = scaleBand<number>().domain(BINS).range([M.left, Math.max(M.left + 10, size.width - M.right)]).padding(0.15);
    const y = scaleLog().domain([lo, hi]).range([Math.max(M.top + 10, size.height - M.bottom), M.top]).clamp(true);
    return { x, y };
  }, [domainKey, size.width, size.height]);

  useEffect(() => drawAxisLeft(gy.current, scales.y, M.left, 4, logTick), [scales, i18n.language]);

  useRedraw(() => {
    const c = canvas.current;
    if (!c || !box.current || size.width === 0) return;
    const ctx = fitCanvas(c, size.width, size.height);
    if (!ctx) return;
    drawBars(ctx, appStore.getState().gradVarByT, scales.x, scales.y, readPalette(box.current).bars);
  }, (s) => [s.gradVarByT, s.theme], [scales, size.width, size.height]);

  const base = size.height - M.bottom;
  return (
    <PanelFrame id="tbins">
      <PlotLayers box={box} canvas={canvas} size={size} canvasTestId="canvas-tbins"
        label={t('panels:tbins.plotLabel')}>
        <g ref={gy} className="axis" />
        <g className="axis band">
          <line x1={M.left} x2={size.width - M.right} y1={base} y2={base} stroke="currentColor" />
          {BINS.map((i) => (
            <text key={i} x={(scales.x(i) ?? 0) + scales.x.bandwidth() / 2} y={base + 14} textAnchor="middle">
              {formatFixed(i / T_BINS, 1)}
            </text>
          ))}
          <text x={size.width - M.right} y={base + 27} textAnchor="end" className="axis-label">{t('panels:tbins.axis')}</text>
        </g>
      </PlotLayers>
    </PanelFrame>
  );
}
