// Panel (a): the training pairs and their straight interpolants, with the σ tube and hover; the
// tools that draw pairs or paint the source's or target's own points.
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatFixed } from '../format/format';
import { effectiveSigma } from '../engine/world';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { fitCanvas } from './canvas';
import { bridgeOutline, drawPairs, nearestPair, TUBE_ALL_MAX, tubeCount } from './drawPairs';
import { readPalette } from './palette';
import { PanelFrame } from './PanelFrame';
import { PLANE_MARGIN, type PlaneScales } from './planeFrame';
import type { PairSet } from '../math/couplings';
import type { InterpolantKind } from '../math/interpolants';
import { usePlane } from './usePlane';
import { useRedraw } from './useRedraw';
import { useDrawMode } from './drawMode/useDrawMode';
import { DrawOverlay } from './drawMode/DrawOverlay';
import { DrawToggle, DrawTools } from './drawMode/DrawTools';
import { usePaintMode } from './drawMode/usePaintMode';
import { PaintOverlay, PaintToggle, PaintTools } from './drawMode/PaintTools';

const HOVER_PX = 10;

export function PairsPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [painting, setPainting] = useState(false);
  const { size, scales, gx, gy } = usePlane(box, drawing || painting);
  const draw = useDrawMode(scales, drawing, (on) => { setDrawing(on); setHover(null); });
  const paint = usePaintMode(scales, painting, (on) => { setPainting(on); setHover(null); });
  /** The tool that owns the plot's pointer and keys: the pair drawing or the point painter. */
  const tool = paint.active ? paint : draw;
  const editing = draw.active || paint.active;
  const pairs = useAppStore((s) => s.pairs);
  const sigma = useAppStore((s) => effectiveSigma(s.config));
  const kind = useAppStore((s) => s.config.interpolant);
  const showTube = useAppStore((s) => s.layers.tube);
  const count = pairs?.n ?? 0;
  const { t } = useTranslation();

  useRedraw(() => {
    const s = appStore.getState();
    const c = canvas.current;
    if (!c || !box.current || size.width === 0) return;
    const ctx = fitCanvas(c, size.width, size.height);
    if (!ctx || !s.pairs) return;
    drawPairs(ctx, {
      pairs: s.pairs, scales, layers: s.layers, kind: s.config.interpolant, sigma: effectiveSigma(s.config),
      tScrub: s.tScrub, palette: readPalette(box.current),
    });
  }, (s) => [s.pairs, s.layers, s.config.sigma, s.config.interpolant, s.tScrub, s.theme], [scales, size.width, size.height]);

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const s = appStore.getState();
    if (tool.onPointerMove(e) || editing || !s.pairs) return;
    const r = e.currentTarget.getBoundingClientRect();
    const px = scales.x.invert(e.clientX - r.left), py = scales.y.invert(e.clientY - r.top);
    setHover(nearestPair(s.pairs, px, py, HOVER_PX / scales.unit));
  };

  const p = hover !== null && pairs && hover < pairs.n ? pairs : null;
  const h = hover ?? 0;
  return (
    <PanelFrame id="pairs"
      tools={<><DrawToggle draw={draw} disabled={paint.active} /><PaintToggle paint={paint} disabled={draw.active} /></>}
      footer={<><DrawTools draw={draw} /><PaintTools paint={paint} /><Legend n={count} /></>}>
      <div className={editing ? 'plot is-drawing' : 'plot'} ref={box}>
        <canvas ref={canvas} data-testid="canvas-pairs" />
        <svg width={size.width} height={size.height} onPointerMove={onMove} onPointerLeave={() => setHover(null)}
          onPointerDown={tool.onPointerDown} onPointerUp={tool.onPointerUp} onPointerCancel={tool.onPointerUp} onKeyDown={tool.onKeyDown}
          tabIndex={editing ? 0 : undefined} data-testid="pairs-svg"
          role={editing ? 'application' : 'img'}
          aria-label={paint.active
            ? t(`panels:pairs.paintingLabel.${paint.side}`, { n: formatCount(paint.draft.length / 2), x: formatFixed(paint.cursor.x, 1), y: formatFixed(paint.cursor.y, 1) })
            : draw.active
            ? t('panels:pairs.drawingLabel', { n: formatCount(draw.draft.length / 4), x: formatFixed(draw.cursor.x, 1), y: formatFixed(draw.cursor.y, 1) })
            : t('panels:pairs.plotLabel', { n: formatCount(count) })}>
          <g ref={gx} className="axis" />
          <g ref={gy} className="axis" />
          {draw.active && <DrawOverlay draft={draw.draft} focused={draw.focused} cursor={draw.cursor} scales={scales} />}
          {paint.active && <PaintOverlay paint={paint} scales={scales} />}
          {p && !editing && (
            <g className="hover" data-testid="hover-pair">
              {showTube && sigma > 0 && count > TUBE_ALL_MAX && <HoverTube p={p} i={h} sigma={sigma} kind={kind} scales={scales} />}
              <line x1={scales.x(p.x0[2 * h])} y1={scales.y(p.x0[2 * h + 1])} x2={scales.x(p.x1[2 * h])} y2={scales.y(p.x1[2 * h + 1])} />
              <circle className="src" cx={scales.x(p.x0[2 * h])} cy={scales.y(p.x0[2 * h + 1])} r={5} />
              <circle className="tgt" cx={scales.x(p.x1[2 * h])} cy={scales.y(p.x1[2 * h + 1])} r={5} />
              <text x={PLANE_MARGIN.left + 6} y={PLANE_MARGIN.top + 14}>
                {t('panels:pairs.hover', { n: formatCount(h + 1), x0: formatFixed(p.x0[2 * h], 2), y0: formatFixed(p.x0[2 * h + 1], 2), x1: formatFixed(p.x1[2 * h], 2), y1: formatFixed(p.x1[2 * h + 1], 2) })}
              </text>
            </g>
          )}
        </svg>
      </div>
    </PanelFrame>
  );
}

/** The σ tube of the hovered pair when there are too many pairs to draw every tube on the canvas. */
function HoverTube({ p, i, sigma, kind, scales }: { p: PairSet; i: number; sigma: number; kind: InterpolantKind; scales: PlaneScales }) {
  const ax = p.x0[2 * i], ay = p.x0[2 * i + 1], bx = p.x1[2 * i], by = p.x1[2 * i + 1];
  if (kind === 'constant') {
    return <line className="tube" x1={scales.x(ax)} y1={scales.y(ay)} x2={scales.x(bx)} y2={scales.y(by)} strokeWidth={4 * sigma * scales.unit} />;
  }
  const o = bridgeOutline(ax, ay, bx, by, sigma);
  const points = Array.from({ length: o.length / 2 }, (_, k) => `${scales.x(o[2 * k])},${scales.y(o[2 * k + 1])}`).join(' ');
  return <polygon className="tube" points={points} />;
}

function Legend({ n }: { n: number }) {
  const { t } = useTranslation();
  return (
    <p className="legend">
      <span className="key source">{t('panels:pairs.legend.source')}</span>
      <span className="key target">{t('panels:pairs.legend.target')}</span>
      <span className="key lines">{t('panels:pairs.legend.lines', { n: formatCount(n) })}</span>
      <span className="key tube">{tubeCount(n) < n ? t('panels:pairs.legend.tubeSome', { shown: formatCount(tubeCount(n)), n: formatCount(n) }) : t('panels:pairs.legend.tube')}</span>
      <span className="key xt">● x_t</span>
    </p>
  );
}
