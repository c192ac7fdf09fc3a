// The one Play / Pause button (header, phone bar, embed, lecture): the same word everywhere. On a
// run that reached its goal, Play trains one more segment and pauses again (src/state/runGoal.ts);
// its tooltip says how many steps.
import { togglePlay } from '../state/actions';
import { shownFinished } from '../state/compareSlice';
import { useAppStore } from '../state/useAppStore';

export function PlayButton({ testId }: { testId: string }) {
  const playing = useAppStore((s) => s.playing);
  const more = useAppStore((s) => (shownFinished(s) && s.config.steps > 0 ? s.config.steps : 0));
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  const title = more > 0 && !playing ? `Space: train ${more} more steps, then pause` : 'Space';
  return (
    <button type="button" className="primary" onClick={() => togglePlay()} disabled={blocked && !playing}
      aria-pressed={playing} data-testid={testId} title={title}>
      {playing ? '❚❚ Pause' : '▶ Play'}
    </button>
  );
}
