// Phones (SPEC §6 "Phones keep σ and play on screen beside the plot"): a bar fixed to the bottom
// of the screen with play / pause and the σ slider, so the control and the panel it moves are on
// screen together however far the reader scrolls. Mounted only on narrow screens (PHONE_QUERY).
import { togglePlay } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { SigmaSlider } from './SigmaSlider';
import { useMedia } from './useMedia';

/** Screens where the settings column sits far below the panels. */
export const PHONE_QUERY = '(max-width: 700px)';

export function PhoneBar() {
  const phone = useMedia(PHONE_QUERY);
  const playing = useAppStore((s) => s.playing);
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  const hidden = useAppStore((s) => s.hidden);
  if (!phone) return null;
  return (
    <div className="phone-bar" role="group" aria-label="Play and σ" data-testid="phone-bar">
      {!hidden.includes('play') && (
        <button type="button" className="primary" onClick={() => togglePlay()} disabled={blocked && !playing} aria-pressed={playing} data-testid="bar-play">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
      )}
      {!hidden.includes('sigma') && <SigmaSlider id="bar-sigma" label="σ" testIdPrefix="bar-" />}
    </div>
  );
}
