// "Load points…": the user's own 2-D points as the source or the target
// (docs/classroom.md#your-own-points). A file from the picker, a file dropped on the page (src/ui/fileDrop.ts) or pasted text
// is read (src/state/pointsFile.ts) and shown with its notes; "Use as …" trains on it. A refused
// file says why and changes nothing: the running training goes on.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { readPointsText, pointsFileTooLarge, MAX_POINTS_FILE_BYTES, type PointsRead } from '../state/pointsFile';
import { MAX_POINTS } from '../engine/runConfig';
import { formatCount, formatNumber } from '../format/format';
import { setPoints, POINT_SIDES, type PointSide } from '../state/points';
import { useDropHandler } from './fileDrop';
import { useModal } from './useModal';
import { joinNotes, message } from '../i18n/message';
import { useTranslateMessage } from '../i18n/translateMessage';

interface Loaded {
  source: string;
  read: PointsRead;
}

/** Reads a File into a Loaded (size checked before the text is read). */
async function readFile(file: File): Promise<Loaded> {
  const tooLarge = pointsFileTooLarge(file.size);
  if (tooLarge) return { source: file.name, read: { ok: false, reason: tooLarge } };
  try {
    return { source: file.name, read: readPointsText(await file.text()) };
  } catch (e) {
    return { source: file.name, read: { ok: false, reason: message('points.unreadable', { detail: (e as Error).message }) } };
  }
}

export function PointsIO() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const show = (l: Loaded) => { setLoaded(l); setOpen(true); };
  useDropHandler('points', (file) => { void readFile(file).then(show); });
  return (
    <div className="weights-io" role="group" aria-label={t('points.group')}>
      <button type="button" onClick={() => setOpen(true)} data-testid="points-open" aria-haspopup="dialog"
        title={t('points.openHint')}>{t('points.open')}</button>
      {/* on <body>: the sticky sidebar is a stacking context the panels would cover */}
      {open && createPortal(<PointsDialog loaded={loaded} onLoaded={setLoaded} onClose={() => { setOpen(false); setLoaded(null); }} />, document.body)}
    </div>
  );
}

function PointsDialog({ loaded, onLoaded, onClose }: { loaded: Loaded | null; onLoaded: (l: Loaded) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const card = useModal<HTMLDivElement>(true, onClose);
  const [side, setSide] = useState<PointSide>('target');
  const [pasted, setPasted] = useState('');
  const read = loaded?.read;
  const say = useTranslateMessage();
  const use = () => {
    if (!read?.ok) return;
    setPoints(side, read.points);
    onClose();
  };
  return (
    <div className="overlay" onClick={onClose}>
      <div className="overlay-card points-dialog" role="dialog" aria-modal="true" aria-labelledby="points-title" ref={card} data-testid="points-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="points-title">{t('points.title')}</h2>
        <p className="hint">{t('points.format', { size: t('megabytes', { size: formatNumber(MAX_POINTS_FILE_BYTES / 2 ** 20) }), max: formatCount(MAX_POINTS) })}</p>
        <label className="control">{t('points.file')} <input type="file" accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json" data-testid="points-file"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void readFile(f).then(onLoaded); e.target.value = ''; }} /></label>
        <label className="control">{t('points.paste')}
          <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={'x,y\n0.5,1.2\n-1,0.3'} data-testid="points-paste" />
        </label>
        <button type="button" onClick={() => onLoaded({ source: t('points.pastedText'), read: readPointsText(pasted) })} disabled={pasted.trim() === ''} data-testid="points-read">{t('points.readPasted')}</button>
        {read && (
          <p className={read.ok ? 'points-status' : 'points-status error'} role="status" data-testid="points-status">
            {read.ok
              ? t('points.loaded', { source: loaded!.source, count: read.points.length / 2, n: formatCount(read.points.length / 2), notes: read.notes.length ? t('points.notes', { notes: say(joinNotes(read.notes)) }) : '' })
              : t('points.refused', { source: loaded!.source, reason: say(read.reason) })}
          </p>
        )}
        <fieldset className="points-side">
          <legend>{t('points.useAs')}</legend>
          {POINT_SIDES.map((s) => (
            <label key={s} className="check"><input type="radio" name="points-side" checked={side === s} onChange={() => setSide(s)} data-testid={`points-side-${s}`} /> {t(`points.side.${s}`)}</label>
          ))}
        </fieldset>
        <div className="points-actions">
          <button type="button" onClick={use} disabled={!read?.ok} data-testid="points-use" data-autofocus={read?.ok ? '' : undefined}>{t(`points.use.${side}`)}</button>
          <button type="button" onClick={onClose}>{t('points.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
