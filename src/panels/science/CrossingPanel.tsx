// Where lines cross (docs/design.md#what-is-measured): the conditional target variance Var[u_t | x_t ≈ x, t] of the
// training pairs at a scrubbable t, as a heat map under the pairs' positions x_t. Lines that cross
// in space at different times leave it small; lines that meet at the same t (x1 = −x0 at t = ½)
// light up one cell with the whole spread of u_t: no field can fit that, so the flow must average.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatFixed, formatMetric, formatSigma } from '../../format/format';
import { interpolateViridis, scaleLog } from 'd3';
import { drawAxis, logTick } from '../axes';
import { meanConditionalVariance, type ConditionalVarianceGrid } from '../../math/conditionalVariance';
import { setCrossingGrid, setCrossingT } from '../../state/scienceActions';
import { CROSSING_GRID } from '../../state/scienceSlice';
import { useAppStore } from '../../state/useAppStore';
import { useRedraw } from '../useRedraw';
import { effectiveSigma } from '../../engine/world';
import { appStore } from '../../state/store';
import { panelCanvas } from '../canvas';
import { PLANE_MARGIN } from '../planeFrame';
import { usePlane } from '../usePlane';
import { PanelFrame } from '../PanelFrame';
import { usePlotStyle } from './usePlotStyle';
import { drawHeatmap, maxCell, varianceDomain, VARIANCE_DECADES } from './drawHeatmap';
import { PlotLayers } from '../PlotLayers';

const LEGEND = { width: 10, gap: 8 };

export function CrossingPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gl = useRef<SVGGElement>(null);
  const style = usePlotStyle('crossing', 'clamp(280px, 44vh, 680px)');
  const { size, scales, gx, gy } = usePlane(box, false, 'crossing');
  const tScrub = useAppStore((s) => s.crossing.t);
  const sigma = useAppStore((s) => effectiveSigma(s.config));
  // computed by the engine for this panel's plane (src/state/fieldJobs.ts); the panel only draws it
  const result = useAppStore((s) => s.crossingMap);
  const { t, i18n } = useTranslation();

  const legend = useMemo(() => {
    const [lo, hi] = result ? varianceDomain(result) : [1e-3, 1];
    return scaleLog().domain([lo, hi]).range([size.height - PLANE_MARGIN.bottom, PLANE_MARGIN.top]);
  }, [result, size.height]);
  // room right of the bar for a label like "1e+0" at the projector's 16 px (28 px cut it to "1e+")
  const legendX = size.width - PLANE_MARGIN.right - LEGEND.width - 48;

  useEffect(() => {
    drawAxis('right', gl.current, legend, legendX + LEGEND.width, { count: VARIANCE_DECADES + 1, format: logTick });
  }, [legend, legendX, i18n.language]);

  useRedraw(() => {
    const frame = result && panelCanvas(canvas.current, box.current, size);
    if (!frame) return;
    const { ctx, p } = frame;
    drawHeatmap(ctx, result, scales, { pairs: appStore.getState().pairs, dotColor: p.ink, ringColor: p.partners, weight: p.weight });
  }, (s) => [s.theme], [result, scales, size.width, size.height]);

  const top = legend.range()[1], bottom = legend.range()[0];
  return (
    <PanelFrame id="crossing" footer={<CrossingFooter result={result} />}>
      <PlotLayers box={box} canvas={canvas} size={size} style={style} canvasTestId="canvas-crossing"
        label={t('panels:crossing.plotLabel', { t: formatFixed(tScrub, 2) })}>
        {/* the legend's stops follow varianceColor(): viridis over the log domain */}
        <defs>
          <linearGradient id="crossing-legend" x1="0" x2="0" y1="1" y2="0">
            {[0, 0.25, 0.5, 0.75, 1].map((u) => <stop key={u} offset={u} stopColor={interpolateViridis(u)} />)}
          </linearGradient>
        </defs>
        <g ref={gx} className="axis" />
        <g ref={gy} className="axis" />
        {size.width > 0 && <rect x={legendX} y={top} width={LEGEND.width} height={Math.max(0, bottom - top)} fill="url(#crossing-legend)" />}
        <g ref={gl} className="axis" />
        <text className="plot-note" x={PLANE_MARGIN.left + 6} y={PLANE_MARGIN.top + 14}>{`t = ${formatFixed(tScrub, 2)}, σ = ${formatSigma(sigma)}`}</text>
      </PlotLayers>
    </PanelFrame>
  );
}

function CrossingFooter({ result }: { result: ConditionalVarianceGrid | null }) {
  const tScrub = useAppStore((s) => s.crossing.t);
  const gridSize = useAppStore((s) => s.crossing.gridSize);
  const { t } = useTranslation();
  let readout = '';
  if (result) {
    const c = maxCell(result), g = result.grid;
    if (c >= 0) {
      const x = g.xMin + ((c % g.size) + 0.5) * ((g.xMax - g.xMin) / g.size), y = g.yMin + (Math.floor(c / g.size) + 0.5) * ((g.yMax - g.yMin) / g.size);
      readout = t('panels:crossing.readout', {
        max: formatMetric(result.maxVariance), x: formatFixed(x, 1), y: formatFixed(y, 1), n: formatCount(result.weight[c]),
        mean: formatMetric(meanConditionalVariance(result)), total: formatMetric(result.totalVariance),
      });
    }
  }
  return (
    <div className="crossing-foot">
      <label className="scrub">
        t = <output>{formatFixed(tScrub, 2)}</output>
        <input type="range" min={0} max={1} step={0.01} value={tScrub} onChange={(e) => setCrossingT(Number(e.target.value))}
          aria-label={t('panels:crossing.scrubLabel')} data-testid="crossing-t" />
      </label>{' '}
      <label>
        {t('panels:crossing.grid')}{' '}
        <input type="number" min={CROSSING_GRID.min} max={CROSSING_GRID.max} step={4} value={gridSize} onChange={(e) => setCrossingGrid(Number(e.target.value))}
          style={{ width: '4em' }} aria-label={t('panels:crossing.gridLabel')} />
      </label>
      <p className="plot-note" role="status" data-testid="crossing-readout">{readout}</p>
    </div>
  );
}
