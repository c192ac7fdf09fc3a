// The presets (keys 1–5) as buttons; the active one's explanation is shown below the header.
import { applyPreset, setTour } from '../state/actions';
import { PRESETS } from '../state/presets';
import { useAppStore } from '../state/useAppStore';

export function PresetBar() {
  const active = useAppStore((s) => s.presetId);
  const tour = useAppStore((s) => s.tour);
  return (
    <nav className="presets" aria-label="Presets">
      {PRESETS.map((p, i) => (
        <button type="button" key={p.id} aria-pressed={active === p.id} onClick={() => applyPreset(i)}
          data-testid={`preset-${p.id}`} title={`${i + 1}: ${p.text}`}>
          <kbd>{i + 1}</kbd> {p.title}
        </button>
      ))}
      {tour === null && <button type="button" className="link" onClick={() => setTour(0)} data-testid="tour-start">Tour</button>}
    </nav>
  );
}
