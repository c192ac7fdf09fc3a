// The reader's motion setting: start training by itself or wait for Play (src/ui/motionSetting.ts).
import { useAppStore } from '../state/useAppStore';
import { setAutoplaySetting } from './motionSetting';

export function MotionToggle() {
  const autoplay = useAppStore((s) => s.autoplay);
  return (
    <label className="check motion" title="Start training by itself on open and on a preset (off when the system asks for reduced motion)">
      <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplaySetting(e.target.checked)} data-testid="autoplay-setting" /> Autoplay
    </label>
  );
}
