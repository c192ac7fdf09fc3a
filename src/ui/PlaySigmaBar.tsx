// Play / pause beside the σ slider: the pair a reader needs on screen with the plot. The phone
// bar, embed mode and lecture mode each show one (hide flags `play_hide`, `sigma_hide` apply).
import type { ReactNode } from 'react';
import { togglePlay } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { SigmaSlider } from './SigmaSlider';

export interface PlaySigmaBarProps {
  /** test-id and element-id prefix: `${prefix}play`, `${prefix}sigma-slider` */
  prefix: string;
  className: string;
  /** data-testid of the bar itself */
  testId: string;
  label: string;
  /** before the play button (e.g. "← Previous") */
  before?: ReactNode;
  /** after the σ slider (e.g. a link) */
  after?: ReactNode;
}

export function PlaySigmaBar({ prefix, className, testId, label, before, after }: PlaySigmaBarProps) {
  const playing = useAppStore((s) => s.playing);
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  const hidden = useAppStore((s) => s.hidden);
  return (
    <div className={className} role="group" aria-label={label} data-testid={testId}>
      {before}
      {!hidden.includes('play') && (
        <button type="button" className="primary" onClick={() => togglePlay()} disabled={blocked && !playing} aria-pressed={playing} data-testid={`${prefix}play`} title="Space">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
      )}
      {!hidden.includes('sigma') && <SigmaSlider id={`${prefix}sigma`} label="σ" testIdPrefix={prefix} />}
      {after}
    </div>
  );
}
