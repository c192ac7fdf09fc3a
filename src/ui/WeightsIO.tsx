// Save the trained weights with the run's settings as one JSON file, and load such a file back
// (file picker, or a file dropped anywhere on the page: src/ui/fileDrop.ts) to continue training or to inspect it.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../panels/exportPanel';
import { useDropHandler } from './fileDrop';
import { appStore } from '../state/store';
import { shareLink } from '../state/urlSync';
import { useAppStore } from '../state/useAppStore';
import { decodeWeightsFile, encodeWeightsFile, loadedStatus, weightsFileSizeProblem } from '../link/weightsFile';
import { loadWeights } from '../state/weightsFile';
import { message, type Message } from '../i18n/message';
import { useTranslateMessage } from '../i18n/translateMessage';

function saveWeights(): void {
  const s = appStore.getState();
  if (!s.weights) return;
  const text = encodeWeightsFile({ ...s.weights, config: s.config }, shareLink(s));
  download(`flowvar-weights-step${s.weights.step}.json`, new Blob([text], { type: 'application/json' }));
}

export function WeightsIO() {
  const { t } = useTranslation();
  const hasWeights = useAppStore((s) => s.weights !== null);
  const [status, setStatus] = useState<Message | null>(null);
  const translate = useTranslateMessage();
  const picker = useRef<HTMLInputElement>(null);
  const read = (file: File) => {
    // refused by its size before a byte is read: the training goes on untouched
    const tooBig = weightsFileSizeProblem(file.size);
    if (tooBig) { setStatus(message('file.refused', { file: file.name, reason: tooBig })); return; }
    file.text().then((text) => {
      const r = decodeWeightsFile(text);
      if (!r.ok) { setStatus(message('file.refused', { file: file.name, reason: r.reason })); return; }
      loadWeights(r.file, r.corrections);
      setStatus(loadedStatus(r.file));
    }).catch((e: unknown) => setStatus(message('file.unreadable', { file: file.name, detail: e instanceof Error ? e.message : String(e) })));
  };
  useDropHandler('weights', read);
  return (
    <div className="weights-io" role="group" aria-label={t('weights.group')}>
      <button type="button" onClick={saveWeights} disabled={!hasWeights} data-testid="weights-save" title={t('weights.saveHint')}>{t('weights.save')}</button>
      <button type="button" onClick={() => picker.current?.click()} data-testid="weights-load" title={t('weights.loadHint')}>{t('weights.load')}</button>
      <input ref={picker} type="file" accept=".json,application/json" hidden data-testid="weights-file"
        onChange={(e) => { const f = e.target.files?.[0]; if (f) read(f); e.target.value = ''; }} />
      {status && <span className="share-status" role="status" data-testid="weights-status">{translate(status)}</span>}
    </div>
  );
}
