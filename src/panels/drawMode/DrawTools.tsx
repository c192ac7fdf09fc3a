// The drawing's controls (real form elements, STYLE/DESIGN): start and stop drawing, clear, and
// the stamps with their pair count; a live region says what the last edit did.
import { useState } from 'react';
import { STAMP_KINDS, STAMP_LABELS, type StampKind } from '../../math/stamps';
import { MAX_USER_PAIRS } from '../../state/userPairs';
import type { DrawMode } from './useDrawMode';

const DEFAULT_STAMP_PAIRS = 16;

/** The header button that starts and ends drawing. */
export function DrawToggle({ draw, disabled = false }: { draw: DrawMode; disabled?: boolean }) {
  return (
    <button type="button" className="tool" onClick={draw.active ? draw.stop : draw.start} aria-pressed={draw.active} disabled={disabled} title="Draw your own training pairs">
      {draw.active ? 'Done drawing' : 'Draw pairs'}
    </button>
  );
}

/** The drawing's tools under the plot (shown while drawing). */
export function DrawTools({ draw }: { draw: DrawMode }) {
  const [kind, setKind] = useState<StampKind>('circle');
  const [n, setN] = useState(DEFAULT_STAMP_PAIRS);
  if (!draw.active) return null;
  return (
    <div className="draw-tools" role="group" aria-label="Draw pairs">
      <button type="button" className="tool" onClick={draw.clear}>Clear</button>
      <label>stamp <select value={kind} onChange={(e) => setKind(e.target.value as StampKind)}>
        {STAMP_KINDS.map((k) => <option key={k} value={k}>{STAMP_LABELS[k]}</option>)}
      </select></label>
      <label>N <input type="number" min={1} max={MAX_USER_PAIRS} value={n} size={4}
        onChange={(e) => { const v = Math.round(Number(e.target.value)); if (Number.isFinite(v)) setN(Math.min(MAX_USER_PAIRS, Math.max(1, v))); }} /></label>
      <button type="button" className="tool" onClick={() => draw.stamp(kind, n)}>Stamp</button>
      <span className="draw-count">{draw.draft.length / 4} / {MAX_USER_PAIRS} pairs</span>
      <p className="draw-help">Drag from x0 to x1 to add a pair; drag an end to move it; Shift-click (or focus it and press Delete) to delete.
        Keyboard: focus the plot, arrows move the cross (Shift: faster), Enter sets x0 then x1.</p>
      <p className="draw-status" role="status" aria-live="polite">{draw.message}</p>
    </div>
  );
}
