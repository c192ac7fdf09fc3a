// "Load results…": a JSON Lines file of `flowvar run`, `sweep` or `grid --json`, or of the PyTorch
// export (file picker, or dropped on the page: src/ui/fileDrop.ts), drawn beside the live run
// (docs/classroom.md#a-big-run-beside-the-live-one). A malformed or foreign file is refused with
// the line and the reason; the overlay in place, and the run, stay as they were.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../state/store';
import { setResultsOverlay } from '../state/overlaySlice';
import { MAX_RESULTS_BYTES, readResultsText } from '../state/resultsFile';
import { useDropHandler } from './fileDrop';
import { formatCount, formatFixed, formatNumber } from '../format/format';
import { translateMessage } from '../i18n/translateMessage';
import { t as translate } from '../i18n/i18n';

const MB = 2 ** 20;

export function ResultsIO() {
  const { t } = useTranslation();
  // the status is said at render, so a language switch re-says it
  const [status, setStatus] = useState<{ say: () => string } | null>(null);
  const show = (say: () => string) => setStatus({ say });
  const picker = useRef<HTMLInputElement>(null);
  const read = (file: File) => {
    if (file.size > MAX_RESULTS_BYTES) { show(() => translate('results.tooLarge', { file: file.name, size: translate('megabytes', { size: formatFixed(file.size / MB, 1) }), max: translate('megabytes', { size: formatNumber(MAX_RESULTS_BYTES / MB) }) })); return; }
    file.text().then((text) => {
      const r = readResultsText(file.name, text);
      if (!r.ok) { show(() => translate('results.refused', { file: file.name, reason: translateMessage(r.reason) })); return; }
      setResultsOverlay(r.overlay, appStore);
      const { rows, panel } = r.overlay;
      show(() => translate('results.drawn', { file: file.name, count: rows, rows: formatCount(rows), panel: translate(`results.panel.${panel}`) }));
    }, (e: unknown) => show(() => translate('results.unreadable', { file: file.name, reason: (e as Error).message })));
  };
  useDropHandler('results', read);
  return (
    <div className="weights-io" role="group" aria-label={t('results.group')}>
      <button type="button" onClick={() => picker.current?.click()} data-testid="results-load"
        title={t('results.loadHint')}>{t('results.load')}</button>
      <input ref={picker} type="file" accept=".jsonl,.json,.ndjson,application/x-ndjson,application/json" hidden data-testid="results-file"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) read(f); e.target.value = ''; }} />
      {status && <span className="share-status" role="status" data-testid="results-status">{status.say()}</span>}
    </div>
  );
}
