// The point painter's controls and marks: the header toggle, the tools under the plot (side,
// brush or eraser, clear, the count, a live region), and the painted points with the brush in the SVG.
import { useTranslation } from 'react-i18next';
import { MAX_POINTS } from '../../engine/runConfig';
import { formatCount } from '../../format/format';
import { BRUSH_RADIUS, POINT_SIDES, type PointSide } from '../../state/points';
import type { PlaneScales } from '../planeFrame';
import type { PaintMode } from './usePaintMode';

/** The header button that starts and ends painting. */
export function PaintToggle({ paint, disabled }: { paint: PaintMode; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tool" onClick={paint.active ? paint.stop : paint.start} aria-pressed={paint.active} disabled={disabled}
      title={t('panels:paint.hint')}>
      {paint.active ? t('panels:paint.done') : t('panels:paint.start')}
    </button>
  );
}

/** The painter's tools under the plot (shown while painting). */
export function PaintTools({ paint }: { paint: PaintMode }) {
  const { t } = useTranslation();
  if (!paint.active) return null;
  return (
    <div className="draw-tools" role="group" aria-label={t('panels:paint.tools')}>
      <label>{t('panels:paint.side')} <select value={paint.side} onChange={(e) => paint.setSide(e.target.value as PointSide)} data-testid="paint-side">
        {POINT_SIDES.map((s) => <option key={s} value={s}>{t(`panels:paint.sides.${s}`)}</option>)}
      </select></label>
      <label className="check"><input type="checkbox" checked={paint.erasing} onChange={(e) => paint.setErasing(e.target.checked)} /> {t('panels:paint.eraser')}</label>
      <button type="button" className="tool" onClick={paint.clear}>{t('panels:paint.clear')}</button>
      <span className="draw-count" data-testid="paint-count">{t('panels:paint.count', { n: formatCount(paint.draft.length / 2), max: formatCount(MAX_POINTS) })}</span>
      <p className="draw-help">{t('panels:paint.help')}</p>
      <p className="draw-status" role="status" aria-live="polite">{paint.message}</p>
    </div>
  );
}

/** The painted points, the brush under the pointer and the keyboard brush. */
export function PaintOverlay({ paint, scales }: { paint: PaintMode; scales: PlaneScales }) {
  const { x, y } = scales;
  const cls = paint.side === 'source' ? 'src' : 'tgt';
  const dots = [];
  for (let i = 0; 2 * i + 1 < paint.draft.length; i++) {
    dots.push(<circle key={i} className={cls} cx={x(paint.draft[2 * i])} cy={y(paint.draft[2 * i + 1])} r={3} data-testid="painted-point" />);
  }
  const r = BRUSH_RADIUS * scales.unit;
  return (
    <g className="draw-layer paint-layer" aria-hidden="true">
      {dots}
      {paint.brush && <circle className="paint-brush" cx={x(paint.brush[0])} cy={y(paint.brush[1])} r={r} />}
      <circle className="paint-brush keyboard" cx={x(paint.cursor.x)} cy={y(paint.cursor.y)} r={r} data-testid="paint-cursor" />
    </g>
  );
}
