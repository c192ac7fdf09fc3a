// The reader's motion setting: start training by itself or wait for Play (src/ui/motionSetting.ts).
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import { setAutoplaySetting } from './motionSetting';

export function MotionToggle() {
  const { t } = useTranslation();
  const autoplay = useAppStore((s) => s.autoplay);
  return (
    <label className="check motion" title={t('motion.hint')}>
      <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplaySetting(e.target.checked)} data-testid="autoplay-setting" /> {t('motion.label')}
    </label>
  );
}
