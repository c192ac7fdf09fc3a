// The one Play / Pause button (header, phone bar, embed, lecture): the same word everywhere. On a
// run that reached its goal, Play trains one more segment and pauses again (src/state/runGoal.ts);
// its tooltip says how many steps.
import { useTranslation } from 'react-i18next';
import { togglePlay } from '../state/actions';
import { shownFinished } from '../state/compareSlice';
import { useAppStore } from '../state/useAppStore';
import { formatCount } from '../format/format';

export function PlayButton({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const playing = useAppStore((s) => s.playing);
  const more = useAppStore((s) => (shownFinished(s) && s.config.steps > 0 ? s.config.steps : 0));
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  const title = more > 0 && !playing ? t('play.more', { count: more, steps: formatCount(more) }) : t('play.key');
  return (
    <button type="button" className="primary" onClick={() => togglePlay()} disabled={blocked && !playing}
      aria-pressed={playing} data-testid={testId} title={title}>
      {playing ? t('play.pause') : t('play.play')}
    </button>
  );
}
