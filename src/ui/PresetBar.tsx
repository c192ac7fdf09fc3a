// The chapters as buttons (keys 1–9): each opens its chapter, a fresh run of its configuration.
import { useAppStore } from '../state/useAppStore';
import { CHAPTERS } from '../story/chapters';
import { fillFigures } from '../story/figures';
import { openChapter } from '../state/storyActions';

export function PresetBar() {
  const active = useAppStore((s) => (s.story.open ? s.story.chapter : null));
  return (
    <nav className="presets" aria-label="Chapters">
      {CHAPTERS.map((c, i) => (
        <button type="button" key={c.id} aria-pressed={active === c.id} onClick={() => openChapter(c.id)}
          data-testid={`preset-${c.id}`} title={`${i + 1}: ${fillFigures(c.text)}`} aria-label={`${i + 1}: ${c.title}`}>
          {/* the projector theme shows the numbers only (the card names the open chapter): no title cut mid-word */}
          <kbd>{i + 1}</kbd> <span className="preset-title">{c.title}</span>
        </button>
      ))}
    </nav>
  );
}
