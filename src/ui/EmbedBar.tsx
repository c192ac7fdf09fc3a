// Embed mode's one bar (an iframe on a course page): play / pause, σ, and a link that opens the
// same run in the full page in a new tab.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import { PlaySigmaBar } from './PlaySigmaBar';

/** The full-page link for the embedded run: the same query without the embed keys. */
export function fullPageLink(href: string): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  params.delete('embed');
  params.delete('panel');
  url.search = params.toString();
  return url.href;
}

export function EmbedBar() {
  const { t } = useTranslation();
  // re-read on every config change: the address bar follows the run (src/state/urlSync.ts)
  useAppStore((s) => s.config);
  const open = <a href={fullPageLink(window.location.href)} target="_blank" rel="noopener" data-testid="embed-open">{t('bar.openFull')}</a>;
  return <PlaySigmaBar prefix="embed-" className="embed-bar" testId="embed-bar" label={t('bar.label')} after={open} />;
}
