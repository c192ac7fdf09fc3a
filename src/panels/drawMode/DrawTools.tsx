// The drawing's controls (real form elements, STYLE/DESIGN): start and stop drawing, clear, and
// the stamps with their pair count; a live region says what the last edit did.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/format';
import { STAMP_KINDS, type StampKind } from '../../math/stamps';
import { MAX_USER_PAIRS } from '../../state/userPairs';
import type { DrawMode } from './useDrawMode';

const DEFAULT_STAMP_PAIRS = 16;

/** The header button that starts and ends drawing. */
export function DrawToggle({ draw, disabled = false }: { draw: DrawMode; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tool" onClick={draw.active ? draw.stop : draw.start} aria-pressed={draw.active} disabled={disabled} title={t('panels:draw.hint')}>
      {draw.active ? t('panels:draw.done') : t('panels:draw.start')}
    </button>
  );
}

/** The drawing's tools under the plot (shown while drawing). */
export function DrawTools({ draw }: { draw: DrawMode }) {
  const [kind, setKind] = useState<StampKind>('circle');
  const [n, setN] = useState(DEFAULT_STAMP_PAIRS);
  const { t } = useTranslation();
  if (!draw.active) return null;
  return (
    <div className="draw-tools" role="group" aria-label={t('panels:draw.tools')}>
      <button type="button" className="tool" onClick={draw.clear}>{t('panels:draw.clear')}</button>
      <label>{t('panels:draw.stamp')} <select value={kind} onChange={(e) => setKind(e.target.value as StampKind)}>
        {STAMP_KINDS.map((k) => <option key={k} value={k}>{t(`panels:draw.stamps.${k}`)}</option>)}
      </select></label>
      <label>N <input type="number" min={1} max={MAX_USER_PAIRS} value={n} size={4}
        onChange={(e) => { const v = Math.round(Number(e.target.value)); if (Number.isFinite(v)) setN(Math.min(MAX_USER_PAIRS, Math.max(1, v))); }} /></label>
      <button type="button" className="tool" onClick={() => draw.stamp(kind, n)}>{t('panels:draw.stampButton')}</button>
      <span className="draw-count">{t('panels:draw.count', { n: formatCount(draw.draft.length / 4), max: formatCount(MAX_USER_PAIRS) })}</span>
      <p className="draw-help">{t('panels:draw.help')}</p>
      <p className="draw-status" role="status" aria-live="polite">{draw.message}</p>
    </div>
  );
}
