// Panel (f): the σ sweep (docs/design.md#panels). Many models trained side by side on the same pairs, one per σ:
// final pair reproduction and distance to the target against σ (log x, σ = 0 left of a break),
// and under each σ a small curve of that run's gradient variance, live while training.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatFixed, formatNumber } from '../../format/format';
import { scaleLinear } from 'd3';
import { drawAxis } from '../axes';
import { setSweepSigmas, setSweepSteps } from '../../state/scienceActions';
import { setConfigField } from '../../state/actions';
import { RUN_CONFIG_FIELDS } from '../../engine/runConfig';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { useRedraw } from '../useRedraw';
import { panelCanvas } from '../canvas';
import { useSize } from '../useSize';
import { PanelFrame } from '../PanelFrame';
import { JobButton } from './JobButton';
import { usePlotStyle } from './usePlotStyle';
import { sigmaAxis, sigmaLabel } from './sigmaAxis';
import { drawSweepMetrics, drawSweepTraces, traceDomain, type SweepColors, type SweepPoint } from './drawSweep';
import { PlotLayers } from '../PlotLayers';
import { StoryMarkLayer } from '../StoryMarkLayer';
import { shownOverlay } from '../../state/overlaySlice';
import { OverlayBar } from '../ResultsOverlay';
import { SweepOverlay } from './SweepOverlay';
import { useTranslateMessage } from '../../i18n/translateMessage';

// left and right leave room for "100%" and the W2 ticks at the projector theme's 17 px; the two
// chart titles sit on separate lines so they never overlap in a narrow panel
const M = { top: 34, right: 54, bottom: 28, left: 60 };
/** Height of the band of small gradient-variance curves, and its gap to the plot above. */
const TRACE_BAND = 46, TRACE_GAP = 20;

export function SweepPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gx = useRef<SVGGElement>(null), gl = useRef<SVGGElement>(null), gr = useRef<SVGGElement>(null);
  const size = useSize(box);
  const style = usePlotStyle('sweep', 'clamp(300px, 42vh, 640px)');
  const sigmaKey = useAppStore((s) => s.sweep.sigmas.join(','));
  const overlay = useAppStore((s) => shownOverlay(s, 'sweep'));
  const { t, i18n } = useTranslation();
  const distMax = useAppStore((s) => Math.max(0.5, ...(s.sweep.results ?? []).flatMap((r, i) => [r.metrics.slicedW2 + (s.sweep.spread?.[i]?.slicedW2 ?? 0), r.metrics.gaussianW2 ?? 0]).filter(Number.isFinite),
    ...(overlay?.sigmas ?? []).map((r) => (r.slicedW2 ?? 0) + (r.slicedW2Std ?? 0))));

  const layout = useMemo(() => {
    // the axis spans the sweep's σ grid and a results file's σ's
    const sigmas = [...new Set([...sigmaKey.split(',').map(Number), ...(overlay?.sigmas.map((r) => r.sigma) ?? [])])];
    const bandBottom = size.height - M.bottom;
    const bandTop = bandBottom - TRACE_BAND;
    const plotBottom = Math.max(M.top + 20, bandTop - TRACE_GAP);
    const axis = sigmaAxis(sigmas, M.left, size.width - M.right);
    const yRate = scaleLinear().domain([0, 1]).range([plotBottom, M.top]);
    const yDist = scaleLinear().domain([0, distMax * 1.1]).range([plotBottom, M.top]).nice();
    return { sigmas, axis, yRate, yDist, band: { top: bandTop, bottom: bandBottom }, plotBottom };
  }, [sigmaKey, distMax, size.width, size.height, overlay]);

  useEffect(() => {
    const { axis, yRate, yDist, sigmas } = layout;
    if (gx.current) {
      const positive = sigmas.filter((s) => s > 0);
      drawAxis('bottom', gx.current, axis.log, size.height - M.bottom, { values: positive, format: sigmaLabel });
    }
    drawAxis('left', gl.current, yRate, M.left, { count: 4, format: (v) => formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }) });
    drawAxis('right', gr.current, yDist, size.width - M.right, { count: 4 });
  }, [layout, size.width, size.height, i18n.language]);

  useRedraw(() => {
    const frame = panelCanvas(canvas.current, box.current, size);
    if (!frame) return;
    const { ctx, p } = frame;
    const colors: SweepColors = { reproduction: p.trainPaths, distance: p.freshPaths, gradVar: p.gradVar, ink: p.ink, weight: p.weight };
    const { sweep } = appStore.getState();
    const points: SweepPoint[] = (sweep.results ?? []).map((r, i) => ({
      sigma: r.sigma, reproduction: r.metrics.reproduction, chance: r.metrics.chance, slicedW2: r.metrics.slicedW2, gaussianW2: r.metrics.gaussianW2,
      reproductionStd: sweep.spread?.[i]?.reproduction, slicedW2Std: sweep.spread?.[i]?.slicedW2,
    }));
    drawSweepMetrics(ctx, points, layout.axis, layout.yRate, layout.yDist, colors);
    const traces = sweep.models.map((m) => ({ sigma: m.sigma, steps: m.traceSteps, values: m.traceValues }));
    drawSweepTraces(ctx, traces, layout.axis, layout.band, Math.max(1, sweep.target), traceDomain(traces), colors);
  }, (s) => [s.sweep.results, s.sweep.spread, s.sweep.models, s.theme], [layout, size.width, size.height]);

  const { axis, plotBottom, band } = layout;
  return (
    <PanelFrame id="sweep" tools={<JobButton job="sweep" />} footer={<><SweepFooter /><OverlayBar panel="sweep" /></>}>
      <PlotLayers box={box} canvas={canvas} size={size} style={style} canvasTestId="canvas-sweep"
        label={t('panels:sweep.plotLabel')}>
        <g ref={gx} className="axis" />
        <g ref={gl} className="axis" />
        <g ref={gr} className="axis" />
        {axis.hasZero && (
          <g className="axis">
            <line x1={axis.zeroX} x2={axis.zeroX} y1={size.height - M.bottom} y2={size.height - M.bottom + 6} stroke="currentColor" />
            <text x={axis.zeroX} y={size.height - M.bottom + 18} textAnchor="middle">{formatNumber(0)}</text>
            <text x={axis.breakX} y={size.height - M.bottom + 4} textAnchor="middle">//</text>
          </g>
        )}
        <text className="chart-title" x={M.left + 4} y={M.top - 20} style={{ fill: 'var(--c-trainPaths)' }}>{t('panels:sweep.reproduction')}</text>
        <text className="chart-title" x={size.width - M.right - 4} y={M.top - 8} textAnchor="end" style={{ fill: 'var(--c-freshPaths)' }}>{t('panels:sweep.distance')}</text>
        <text className="plot-note" x={M.left + 4} y={band.top - 4}>{t('panels:sweep.traces')}</text>
        {overlay && <SweepOverlay overlay={overlay} axis={axis} yRate={layout.yRate} yDist={layout.yDist} labelX={M.left + 4} labelY={M.top + 12} />}
        <SweepNote x={(M.left + size.width - M.right) / 2} y={(M.top + plotBottom) / 2} />
        <text className="axis-label" x={size.width - M.right} y={size.height - 2} textAnchor="end">σ</text>
        <StoryMarkLayer panel="sweep" x={axis.x} y={layout.yRate} plot={{ left: M.left, right: size.width - M.right, top: M.top, bottom: plotBottom }} />
      </PlotLayers>
    </PanelFrame>
  );
}

function SweepNote({ x, y }: { x: number; y: number }) {
  const status = useAppStore((s) => s.sweep.status);
  const step = useAppStore((s) => s.sweep.step), target = useAppStore((s) => s.sweep.target);
  const error = useAppStore((s) => s.sweep.error);
  const seeds = useAppStore((s) => s.sweep.seeds), done = useAppStore((s) => s.sweep.seedsDone);
  const { t } = useTranslation();
  const say = useTranslateMessage();
  let text = '';
  if (status === 'idle') text = t('panels:sweep.idle');
  else if (status === 'running') {
    const seed = seeds > 1 ? t('panels:sweep.seed', { seed: formatCount(Math.min(seeds, done + 1)), seeds: formatCount(seeds) }) : '';
    text = seed + (step < target ? t('panels:sweep.training', { step: formatCount(step), target: formatCount(target) }) : t('panels:sweep.evaluating'));
  } else if (status === 'stopped') text = t('panels:sweep.stopped', { step: formatCount(step) });
  else if (status === 'failed') text = t('panels:sweep.failed', { error: error ? say(error) : '' });
  return text ? <text className="plot-note" x={x} y={y} textAnchor="middle">{text}</text> : null;
}

function SweepFooter() {
  const sigmaKey = useAppStore((s) => s.sweep.sigmas.join(', '));
  const steps = useAppStore((s) => s.sweep.steps);
  const configSteps = useAppStore((s) => s.config.steps);
  const seconds = useAppStore((s) => s.sweep.seconds);
  const running = useAppStore((s) => s.sweep.status === 'running');
  const fallback = useAppStore((s) => s.sweep.fallbackReason);
  const seeds = useAppStore((s) => s.config.seeds);
  const spreadSeeds = useAppStore((s) => s.sweep.spread?.[0]?.seeds ?? 0);
  const { t } = useTranslation();
  const say = useTranslateMessage();
  const [draft, setDraft] = useState(sigmaKey);
  useEffect(() => setDraft(sigmaKey), [sigmaKey]);
  const apply = () => setSweepSigmas(draft.split(/[,\s]+/).filter(Boolean).map(Number));
  return (
    <div className="sweep-foot">
      <label>
        {t('panels:sweep.sigmas')}{' '}
        <input type="text" value={draft} disabled={running} onChange={(e) => setDraft(e.target.value)} onBlur={apply}
          onKeyDown={(e) => { if (e.key === 'Enter') apply(); }} size={32} aria-label={t('panels:sweep.sigmasLabel')} data-testid="sweep-sigmas" />
      </label>{' '}
      <label>
        {t('panels:sweep.steps')}{' '}
        <input type="number" min={0} step={100} value={steps || configSteps} disabled={running} onChange={(e) => setSweepSteps(Number(e.target.value))}
          style={{ width: '6em' }} aria-label={t('panels:sweep.stepsLabel')} data-testid="sweep-steps" />
      </label>
      <label>
        {t('panels:sweep.seeds')}{' '}
        <input type="number" min={1} max={RUN_CONFIG_FIELDS.seeds.max} value={seeds} disabled={running} onChange={(e) => setConfigField('seeds', e.target.value)}
          style={{ width: '4em' }} aria-label={t('panels:sweep.seedsLabel')} data-testid="sweep-seeds" />
      </label>
      {spreadSeeds > 1 && <span className="plot-note">{t('panels:sweep.spread', { n: formatCount(spreadSeeds) })}</span>}
      {seconds !== null && <span className="plot-note">{t('panels:sweep.seconds', { seconds: formatFixed(seconds, 1) })}</span>}
      {fallback && <span className="plot-note" role="status" data-testid="sweep-fallback">{t('panels:sweep.cpu', { reason: say(fallback) })}</span>}
    </div>
  );
}
