// The reader's motion setting: start training by itself or wait for Play (src/ui/motionSetting.ts).
import { useAppStore } from '../state/useAppStore';
import { setAutoplaySetting } from './motionSetting';

export function MotionToggle() {
  const autoplay = useAppStore((s) => s.autoplay);
  return (
    <label className="check motion" title="Start training as soon as the page or a chapter opens (off when the system asks for reduced motion); the chapters themselves change only by Next or the chapter buttons">
      <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplaySetting(e.target.checked)} data-testid="autoplay-setting" /> Train on open
    </label>
  );
}
