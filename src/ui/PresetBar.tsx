// The chapters as buttons (keys 1–9): each opens its chapter, a fresh run of its configuration.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import { CHAPTERS } from '../story/chapters';
import { fillFigures } from '../story/figures';
import { openChapter } from '../state/storyActions';
import { formatCount } from '../format/format';

export function PresetBar() {
  const { t } = useTranslation();
  const active = useAppStore((s) => (s.story.open ? s.story.chapter : null));
  return (
    <nav className="presets" aria-label={t('chapters.nav')}>
      {CHAPTERS.map((c, i) => {
        const title = t(`story:chapters.${c.id}.title`);
        const text = fillFigures(t(`story:chapters.${c.id}.text`));
        const n = formatCount(i + 1);
        return (
          <button type="button" key={c.id} aria-pressed={active === c.id} onClick={() => openChapter(c.id)}
            data-testid={`preset-${c.id}`} title={`${n}: ${text}`} aria-label={`${n}: ${title}`}>
            {/* the projector theme shows the numbers only (the card names the open chapter): no title cut mid-word */}
            <kbd>{n}</kbd> <span className="preset-title">{title}</span>
          </button>
        );
      })}
    </nav>
  );
}
