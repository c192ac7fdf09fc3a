// "Load results…": a JSON Lines file of `flowvar run`, `sweep` or `grid --json`, or of the PyTorch
// export (file picker, or dropped on the page: src/ui/fileDrop.ts), drawn beside the live run
// (docs/classroom.md#a-big-run-beside-the-live-one). A malformed or foreign file is refused with
// the line and the reason; the overlay in place, and the run, stay as they were.
import { useRef, useState } from 'react';
import { appStore } from '../state/store';
import { setResultsOverlay } from '../state/overlaySlice';
import { MAX_RESULTS_BYTES, readResultsText } from '../state/resultsFile';
import { useDropHandler } from './fileDrop';

const PANEL_NAMES = { gradvar: 'the gradient-variance panel', sweep: 'the sweep panel' } as const;

export function ResultsIO() {
  const [status, setStatus] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const read = (file: File) => {
    if (file.size > MAX_RESULTS_BYTES) { setStatus(`${file.name} was not loaded: it is ${(file.size / 1024 / 1024).toFixed(1)} MB; a results file may hold up to ${MAX_RESULTS_BYTES / 1024 / 1024} MB.`); return; }
    file.text().then((text) => {
      const r = readResultsText(file.name, text);
      if (!r.ok) { setStatus(`${file.name} was not loaded: ${r.reason}.`); return; }
      setResultsOverlay(r.overlay, appStore);
      setStatus(`${file.name}: ${r.overlay.rows} rows drawn in ${PANEL_NAMES[r.overlay.panel]} (not in the link).`);
    }, (e: unknown) => setStatus(`${file.name} could not be read: ${(e as Error).message}`));
  };
  useDropHandler('results', read);
  return (
    <div className="weights-io" role="group" aria-label="Results file">
      <button type="button" onClick={() => picker.current?.click()} data-testid="results-load"
        title="A JSON Lines file of flowvar run/sweep/grid --json or the PyTorch export, drawn beside the live run (or drop it on the page)">Load results…</button>
      <input ref={picker} type="file" accept=".jsonl,.json,.ndjson,application/x-ndjson,application/json" hidden data-testid="results-file"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) read(f); e.target.value = ''; }} />
      {status && <span className="share-status" role="status" data-testid="results-status">{status}</span>}
    </div>
  );
}
