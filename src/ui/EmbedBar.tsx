// Embed mode's one bar (an iframe on a course page): play / pause, σ, and a link that opens the
// same run in the full page in a new tab.
import { togglePlay } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { SigmaSlider } from './SigmaSlider';

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
  const playing = useAppStore((s) => s.playing);
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  const hidden = useAppStore((s) => s.hidden);
  // re-read on every config change: the address bar follows the run (src/state/urlSync.ts)
  useAppStore((s) => s.config);
  return (
    <div className="embed-bar" role="group" aria-label="Play and σ" data-testid="embed-bar">
      {!hidden.includes('play') && (
        <button type="button" className="primary" onClick={() => togglePlay()} disabled={blocked && !playing} aria-pressed={playing} data-testid="embed-play">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
      )}
      {!hidden.includes('sigma') && <SigmaSlider id="embed-sigma" label="σ" testIdPrefix="embed-" />}
      <a href={fullPageLink(window.location.href)} target="_blank" rel="noopener" data-testid="embed-open">open in flowvar ↗</a>
    </div>
  );
}
