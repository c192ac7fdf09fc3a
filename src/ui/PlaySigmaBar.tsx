// Play / pause beside the σ slider: the pair a reader needs on screen with the plot. The phone
// bar, embed mode and lecture mode each show one (hide flags `play_hide`, `sigma_hide` apply).
import type { ReactNode } from 'react';
import { useAppStore } from '../state/useAppStore';
import { SigmaSlider } from './SigmaSlider';
import { PlayButton } from './PlayButton';

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
  const hidden = useAppStore((s) => s.hidden);
  return (
    <div className={className} role="group" aria-label={label} data-testid={testId}>
      {before}
      {!hidden.includes('play') && (
        <PlayButton testId={`${prefix}play`} />
      )}
      {!hidden.includes('sigma') && <SigmaSlider id={`${prefix}sigma`} label="σ" testIdPrefix={prefix} />}
      {after}
    </div>
  );
}
