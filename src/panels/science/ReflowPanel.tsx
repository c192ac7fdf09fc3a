// ReFlow rounds (docs/math.md#worlds-and-couplings): train, make the flow's endpoints the new pairs, train again
// from the same initial weights. Three small charts against the round: transport cost of the
// learned flow (solid) and of the round's pairs (dotted) against the OT cost (dashed), straightness,
// and pair reproduction against chance. On a rotated pairing the cost stays up (docs/design.md#what-the-app-shows).
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric, formatPercent } from '../../format/format';
import { scaleLinear } from 'd3';
import { drawAxis } from '../axes';
import { setReflowRounds } from '../../state/scienceActions';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { useRedraw } from '../useRedraw';
import { panelCanvas } from '../canvas';
import { useSize } from '../useSize';
import { PanelFrame } from '../PanelFrame';
import { JobButton } from './JobButton';
import { usePlotStyle } from './usePlotStyle';
import { drawReflowRow, reflowRows, type ReflowColors } from './drawReflow';
import { PlotLayers } from '../PlotLayers';
import { StoryMarkLayer } from '../StoryMarkLayer';
import { useTranslateMessage } from '../../i18n/translateMessage';

/** `left` holds a tick like "0.015" at the projector's 16 px */
const M = { top: 8, right: 14, bottom: 26, left: 58 };
const ROW_GAP = 16;
/** Height of a row's title line, above its data (no curve runs under the title; 17 px text in the projector theme). */
const TITLE_H = 20;
/** The three rows, titled by panels:reflow.rows.<key>. */
const ROWS = ['cost', 'straightness', 'reproduction'] as const;
const REPRODUCTION_ROW = ROWS.indexOf('reproduction');

export function ReflowPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const gx = useRef<SVGGElement>(null);
  const gy = useRef<(SVGGElement | null)[]>([]);
  const size = useSize(box);
  const style = usePlotStyle('reflow', 'clamp(300px, 42vh, 640px)');
  const rounds = useAppStore((s) => s.reflow.rounds);
  const history = useAppStore((s) => s.reflow.history);
  const { t, i18n } = useTranslation();

  const layout = useMemo(() => {
    const x = scaleLinear().domain([-0.3, Math.max(1, rounds) + 0.3]).range([M.left, Math.max(M.left + 20, size.width - M.right)]);
    const rowH = Math.max(20, (size.height - M.top - M.bottom - ROW_GAP * (ROWS.length - 1)) / ROWS.length);
    const rows = reflowRows(history, dummyColors);
    const ys = ROWS.map((r, i) => {
      const top = M.top + i * (rowH + ROW_GAP);
      return scaleLinear().domain([0, rows[r].max * 1.1]).range([top + rowH, top + TITLE_H]).nice();
    });
    return { x, ys, rowH };
  }, [rounds, history, size.width, size.height]);
  /** The pixel box of row i below its first `skip` pixels (the reflow chapter's mark stays inside its row, under the title). */
  const rowBox = (i: number, skip = 0) => {
    const top = M.top + i * (layout.rowH + ROW_GAP);
    return { left: M.left, right: size.width - M.right, top: top + skip, bottom: top + layout.rowH };
  };

  useEffect(() => {
    drawAxis('bottom', gx.current, layout.x, size.height - M.bottom, { count: Math.max(1, rounds) + 1, format: (v) => (Number.isInteger(v) ? formatCount(v) : '') });
    layout.ys.forEach((y, i) => {
      const g = gy.current[i];
      drawAxis('left', g, y, M.left, { count: 3 });
    });
  }, [layout, rounds, size.height, i18n.language]);

  useRedraw(() => {
    const frame = panelCanvas(canvas.current, box.current, size);
    if (!frame) return;
    const { ctx, p } = frame;
    const colors: ReflowColors = { transport: p.freshPaths, pairs: p.lines, ot: p.target, straightness: p.quiver, reproduction: p.trainPaths, weight: p.weight };
    const rows = reflowRows(appStore.getState().reflow.history, colors);
    ROWS.forEach((r, i) => drawReflowRow(ctx, layout.x, layout.ys[i], rows[r].series, rows[r].refs, p.weight));
  }, (s) => [s.reflow.history, s.theme], [layout, size.width, size.height]);

  return (
    <PanelFrame id="reflow" tools={<JobButton job="reflow" />} footer={<ReflowFooter />}>
      <PlotLayers box={box} canvas={canvas} size={size} style={style} canvasTestId="canvas-reflow"
        label={t('panels:reflow.plotLabel')}>
        <g ref={gx} className="axis" />
        {ROWS.map((r, i) => (
          <g key={r}>
            <g ref={(el) => { gy.current[i] = el; }} className="axis" />
            <text className="plot-note" x={M.left + 6} y={rowBox(i).top + TITLE_H - 5}>{t(`panels:reflow.rows.${r}`)}</text>
          </g>
        ))}
        <text className="axis-label" x={size.width - M.right} y={size.height - 2} textAnchor="end">{t('panels:reflow.round')}</text>
        <StoryMarkLayer panel="reflow" x={layout.x} y={layout.ys[REPRODUCTION_ROW]} plot={rowBox(REPRODUCTION_ROW, TITLE_H)} />
      </PlotLayers>
    </PanelFrame>
  );
}

// reflowRows() computes the y maxima without caring for colours
const dummyColors: ReflowColors = { transport: '', pairs: '', ot: '', straightness: '', reproduction: '', weight: 1 };

function ReflowFooter() {
  const rounds = useAppStore((s) => s.reflow.rounds);
  const status = useAppStore((s) => s.reflow.status);
  const progress = useAppStore((s) => s.reflow.progress);
  const error = useAppStore((s) => s.reflow.error);
  const last = useAppStore((s) => s.reflow.history.at(-1) ?? null);
  const fallback = useAppStore((s) => s.reflow.fallbackReason);
  const { t } = useTranslation();
  const say = useTranslateMessage();
  let note = '';
  if (status === 'running' && progress) note = t('panels:reflow.progress', { round: formatCount(progress.round), step: formatCount(progress.step), steps: formatCount(progress.steps) });
  else if (status === 'failed') note = t('panels:reflow.failed', { error: error ? say(error) : '' });
  else if (status === 'running') note = t('panels:reflow.starting');
  else if (!last) note = t('panels:reflow.intro');
  else {
    const figures = { round: formatCount(last.round), cost: formatMetric(last.transportCost), rate: formatPercent(last.reproduction) };
    note = last.otCost !== null ? t('panels:reflow.lastOt', { ...figures, ot: formatMetric(last.otCost) }) : t('panels:reflow.last', figures);
  }
  return (
    <div className="reflow-foot">
      <label>
        {t('panels:reflow.reflows')}{' '}
        <input type="number" min={0} max={20} value={rounds} disabled={status === 'running'} onChange={(e) => setReflowRounds(Number(e.target.value))}
          style={{ width: '4em' }} aria-label={t('panels:reflow.roundsLabel')} data-testid="reflow-rounds" />
      </label>
      <span className="plot-note" role="status" data-testid="reflow-note"> {note}</span>
      {fallback && <span className="plot-note" data-testid="reflow-fallback">{t('panels:reflow.cpu', { reason: say(fallback) })}</span>}
    </div>
  );
}
