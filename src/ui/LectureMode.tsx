// Lecture mode (`lecture=true`, docs/design.md#lecture): the story one chapter per screen, in big type:
// the chapter's title and text, play / pause, σ, previous / next, and only the panel the chapter
// is about, filling the rest of the screen. A presenter remote's PageUp / PageDown (src/ui/keys.ts)
// and here also ← / → turn the chapters (→ is "one step" outside lecture mode).
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import type { PanelId } from '../story/panelList';
import { chapterById, chapterIndex, CHAPTERS } from '../story/chapters';
import { fillFigures } from '../story/figures';
import { formatCount } from '../format/format';
import { nextChapter, openChapter, prevChapter } from '../state/storyActions';
import { Banners } from './Banners';
import { HelpOverlay } from './HelpOverlay';
import { StoryLive } from './StoryLive';
import { PlaySigmaBar } from './PlaySigmaBar';
import { LanguagePicker } from './LanguagePicker';

/** Keys that turn chapters in lecture mode (before the page's own table sees them). */
const TURN: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1, PageDown: 1, PageUp: -1 };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

export function LectureMode({ views }: { views: Record<PanelId, () => ReactElement> }) {
  const id = useAppStore((s) => s.story.chapter);
  const open = useAppStore((s) => s.story.open);
  const { t } = useTranslation();
  useEffect(() => {
    if (!open) openChapter(id, undefined, { history: false });
    const onKey = (e: KeyboardEvent) => {
      const delta = TURN[e.key];
      if (!delta || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      e.stopPropagation(); // one turn per press: the page's PageUp / PageDown binding waits
      if (delta > 0) nextChapter(); else prevChapter();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once per mount
  const chapter = chapterById(id);
  if (!chapter) return null;
  const n = chapterIndex(id) + 1;
  const View = views[chapter.panel];
  return (
    <div className="lecture-mode" data-testid="lecture">
      <header className="lecture-head">
        <LanguagePicker />
        <h1><span className="chapter">{formatCount(n)} / {formatCount(CHAPTERS.length)}</span> {t(`story:chapters.${id}.title`)}</h1>
        <p data-testid="lecture-text">{fillFigures(t(`story:chapters.${id}.text`))}</p>
        <StoryLive chapter={chapter} />
      </header>
      <PlaySigmaBar prefix="lecture-" className="lecture-bar" testId="lecture-bar" label={t('story:lecture.bar')}
        before={<button type="button" onClick={() => prevChapter()} disabled={n === 1} data-testid="lecture-prev" title={t('story:lecture.previousKeys')}>{t('story:card.previous')}</button>}
        after={<button type="button" onClick={() => nextChapter()} disabled={n === CHAPTERS.length} data-testid="lecture-next" title={t('story:lecture.nextKeys')}>{t('story:card.next')}</button>} />
      <Banners />
      <main className="lecture-panel" id="panels" tabIndex={-1}><View key={chapter.panel} /></main>
      <HelpOverlay />
    </div>
  );
}
