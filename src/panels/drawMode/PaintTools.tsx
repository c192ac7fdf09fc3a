// The point painter's controls and marks: the header toggle, the tools under the plot (side,
// brush or eraser, clear, the count, a live region), and the painted points with the brush in the SVG.
import { MAX_POINTS } from '../../engine/runConfig';
import { BRUSH_RADIUS, POINT_SIDES, type PointSide } from '../../state/points';
import type { PlaneScales } from '../planeFrame';
import type { PaintMode } from './usePaintMode';

/** The header button that starts and ends painting. */
export function PaintToggle({ paint, disabled }: { paint: PaintMode; disabled: boolean }) {
  return (
    <button type="button" className="tool" onClick={paint.active ? paint.stop : paint.start} aria-pressed={paint.active} disabled={disabled}
      title="Paint your own source or target points with a brush">
      {paint.active ? 'Done painting' : 'Paint points'}
    </button>
  );
}

/** The painter's tools under the plot (shown while painting). */
export function PaintTools({ paint }: { paint: PaintMode }) {
  if (!paint.active) return null;
  return (
    <div className="draw-tools" role="group" aria-label="Paint points">
      <label>points of the <select value={paint.side} onChange={(e) => paint.setSide(e.target.value as PointSide)} data-testid="paint-side">
        {POINT_SIDES.map((s) => <option key={s} value={s}>{s}</option>)}
      </select></label>
      <label className="check"><input type="checkbox" checked={paint.erasing} onChange={(e) => paint.setErasing(e.target.checked)} /> eraser</label>
      <button type="button" className="tool" onClick={paint.clear}>Clear</button>
      <span className="draw-count" data-testid="paint-count">{paint.draft.length / 2} / {MAX_POINTS} points</span>
      <p className="draw-help">Press and drag to paint (a few points per dab); Shift-drag or the eraser removes.
        Keyboard: focus the plot, arrows move the brush (Shift: faster), Enter or Space paints, Delete erases.</p>
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
