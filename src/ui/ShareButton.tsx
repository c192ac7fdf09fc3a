// "Copy link": the link that reproduces this run (config, seed, steps) and view. Copies to the
// clipboard when allowed and always shows the link in a selectable field as the fallback.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../state/store';
import { shareLink } from '../state/urlSync';

export function ShareButton() {
  const { t } = useTranslation();
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState<'copied' | 'selectAndCopy' | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const copy = () => {
    const text = shareLink(appStore.getState());
    setLink(text);
    const select = () => requestAnimationFrame(() => field.current?.select());
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(text).then(() => setStatus('copied'), () => { setStatus('selectAndCopy'); select(); });
    } else {
      setStatus('selectAndCopy');
      select();
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={copy} data-testid="copy-link">{t('copyLink.button')}</button>
      {link !== null && (
        <span className="share-out">
          <input ref={field} readOnly value={link} aria-label={t('copyLink.field')} data-testid="share-link" onFocus={(e) => e.target.select()} />
          <span className="share-status" role="status">{status && t(`copyLink.${status}`)}</span>
          <button type="button" className="link" onClick={() => setLink(null)} aria-label={t('copyLink.close')}>×</button>
        </span>
      )}
    </div>
  );
}
