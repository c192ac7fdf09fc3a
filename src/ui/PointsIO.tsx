// "Load points…": the user's own 2-D points as the source or the target
// (docs/classroom.md#your-own-points). A file from the picker, a file dropped on the page (src/ui/fileDrop.ts) or pasted text
// is read (src/state/pointsFile.ts) and shown with its notes; "Use as …" trains on it. A refused
// file says why and changes nothing: the running training goes on.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { readPointsText, pointsFileTooLarge, type PointsRead } from '../state/pointsFile';
import { setPoints, POINT_SIDES, type PointSide } from '../state/points';
import { useDropHandler } from './fileDrop';
import { useModal } from './useModal';

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
    return { source: file.name, read: { ok: false, reason: `could not be read (${(e as Error).message})` } };
  }
}

export function PointsIO() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const show = (l: Loaded) => { setLoaded(l); setOpen(true); };
  useDropHandler('points', (file) => { void readFile(file).then(show); });
  return (
    <div className="weights-io" role="group" aria-label="Points file">
      <button type="button" onClick={() => setOpen(true)} data-testid="points-open" aria-haspopup="dialog"
        title="Your own 2-D points (CSV or JSON) as the source or the target; or drop the file on the page">Load points…</button>
      {/* on <body>: the sticky sidebar is a stacking context the panels would cover */}
      {open && createPortal(<PointsDialog loaded={loaded} onLoaded={setLoaded} onClose={() => { setOpen(false); setLoaded(null); }} />, document.body)}
    </div>
  );
}

function PointsDialog({ loaded, onLoaded, onClose }: { loaded: Loaded | null; onLoaded: (l: Loaded) => void; onClose: () => void }) {
  const card = useModal<HTMLDivElement>(true, onClose);
  const [side, setSide] = useState<PointSide>('target');
  const [pasted, setPasted] = useState('');
  const read = loaded?.read;
  const use = () => {
    if (!read?.ok) return;
    setPoints(side, read.points);
    onClose();
  };
  return (
    <div className="overlay" onClick={onClose}>
      <div className="overlay-card points-dialog" role="dialog" aria-modal="true" aria-labelledby="points-title" ref={card} data-testid="points-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="points-title">Load points</h2>
        <p className="hint">CSV or JSON of 2-D points: a header row or none; comma, semicolon, tab or blank separated; up to 4 MB.
          More than 512 points are thinned to 512 (evenly spaced rows); the points travel in the link.</p>
        <label className="control">file <input type="file" accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json" data-testid="points-file"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void readFile(f).then(onLoaded); e.target.value = ''; }} /></label>
        <label className="control">or paste
          <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={'x,y\n0.5,1.2\n-1,0.3'} data-testid="points-paste" />
        </label>
        <button type="button" onClick={() => onLoaded({ source: 'pasted text', read: readPointsText(pasted) })} disabled={pasted.trim() === ''} data-testid="points-read">Read pasted text</button>
        {read && (
          <p className={read.ok ? 'points-status' : 'points-status error'} role="status" data-testid="points-status">
            {read.ok
              ? `${loaded!.source}: ${read.points.length / 2} points${read.notes.length ? ` (${read.notes.join('; ')})` : ''}.`
              : `${loaded!.source} was not loaded: ${read.reason}. Nothing changed; the training goes on.`}
          </p>
        )}
        <fieldset className="points-side">
          <legend>use the points as</legend>
          {POINT_SIDES.map((s) => (
            <label key={s} className="check"><input type="radio" name="points-side" checked={side === s} onChange={() => setSide(s)} data-testid={`points-side-${s}`} /> {s} ({s === 'source' ? 'x0' : 'x1'})</label>
          ))}
        </fieldset>
        <div className="points-actions">
          <button type="button" onClick={use} disabled={!read?.ok} data-testid="points-use" data-autofocus={read?.ok ? '' : undefined}>Use as {side}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
