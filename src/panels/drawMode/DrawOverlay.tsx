// The drawing's marks in the pairs panel's SVG: the draft pairs (at most 256, so SVG is fine),
// their endpoints as handles, the focused pair, and the keyboard cursor with its x0 anchor.
import type { PlaneScales } from '../planeFrame';
import type { DrawCursor } from './geometry';

export interface DrawOverlayProps {
  draft: readonly number[];
  focused: number | null;
  cursor: DrawCursor;
  scales: PlaneScales;
}

export function DrawOverlay({ draft, focused, cursor, scales }: DrawOverlayProps) {
  const { x, y } = scales;
  const rows = [];
  for (let i = 0; 4 * i + 3 < draft.length; i++) {
    const [ax, ay, bx, by] = [x(draft[4 * i]), y(draft[4 * i + 1]), x(draft[4 * i + 2]), y(draft[4 * i + 3])];
    rows.push(
      <g key={i} className={i === focused ? 'draft-pair is-focused' : 'draft-pair'} data-testid="draft-pair">
        <line x1={ax} y1={ay} x2={bx} y2={by} />
        <circle className="src" cx={ax} cy={ay} r={5} />
        <circle className="tgt" cx={bx} cy={by} r={5} />
      </g>,
    );
  }
  const cx = x(cursor.x), cy = y(cursor.y);
  return (
    <g className="draw-layer" aria-hidden="true">
      {rows}
      {cursor.anchor && <line className="draw-rubber" x1={x(cursor.anchor[0])} y1={y(cursor.anchor[1])} x2={cx} y2={cy} />}
      <g className="draw-cursor" data-testid="draw-cursor">
        <line x1={cx - 8} y1={cy} x2={cx + 8} y2={cy} />
        <line x1={cx} y1={cy - 8} x2={cx} y2={cy + 8} />
      </g>
    </g>
  );
}
