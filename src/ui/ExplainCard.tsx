// The active preset's two or three sentences; in the tour, with chapter navigation.
import { setTour } from '../state/actions';
import { presetById, PRESETS } from '../state/presets';
import { useAppStore } from '../state/useAppStore';

export function ExplainCard() {
  const tour = useAppStore((s) => s.tour);
  const presetId = useAppStore((s) => s.presetId);
  const preset = tour !== null ? PRESETS[tour] : presetId ? presetById(presetId) : undefined;
  if (!preset) return null;
  return (
    <section className="explain" aria-live="polite" data-testid="explain">
      <h2>
        {tour !== null && <span className="chapter">Chapter {tour + 1} / {PRESETS.length} · </span>}
        {preset.title}
      </h2>
      <p>{preset.text}</p>
      {tour !== null && (
        <div className="tour-nav">
          <button type="button" onClick={() => setTour(tour - 1)} disabled={tour === 0}>← Previous</button>
          <button type="button" onClick={() => setTour(tour + 1)} disabled={tour === PRESETS.length - 1}>Next →</button>
          <button type="button" className="link" onClick={() => setTour(null)}>Close tour</button>
        </div>
      )}
    </section>
  );
}
