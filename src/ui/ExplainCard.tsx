// The story card (docs/design.md#the-story): the open chapter's title, "3 / 7", its text with the measured figures,
// what to look for (and on which panel), its "Try this" button, previous / next, and close. It
// stays while people change settings ("modified from chapter 3"); only closing it or opening
// another chapter changes it. The card is as tall as its text (nothing cut mid-line); opening a
// chapter brings its panel into view under it (src/ui/chapterInView.ts).
import { useTranslation } from 'react-i18next';
import { panelInfo } from '../story/panelList';
import { panelTitle } from '../panels/panelText';
import { useAppStore } from '../state/useAppStore';
import { chapterById, chapterIndex, CHAPTERS } from '../story/chapters';
import { fillFigures } from '../story/figures';
import { formatCount } from '../format/format';
import { StoryLive } from './StoryLive';
import { bringChapterIntoView, useChapterInView } from './chapterInView';
import { closeStory, nextChapter, openChapter, prevChapter, tryChapter } from '../state/storyActions';

export function ExplainCard() {
  const id = useAppStore((s) => s.story.chapter);
  const open = useAppStore((s) => s.story.open);
  const modified = useAppStore((s) => s.story.modified);
  const { t } = useTranslation();
  useChapterInView();
  const chapter = chapterById(id);
  if (!chapter) return null;
  const n = chapterIndex(id) + 1;
  if (!open) {
    return (
      <section className="story story-closed" aria-label={t('story:card.region')} data-testid="story-closed">
        <button type="button" className="link" onClick={() => openChapter(id)} data-testid="story-open">
          {t('story:card.openClosed', { n: formatCount(n), title: t(`story:chapters.${id}.title`) })}
        </button>
      </section>
    );
  }
  const panel = panelInfo(chapter.panel);
  return (
    <section className="story" aria-label={t('story:card.region')} data-testid="explain" data-chapter={id}>
      <header className="story-head">
        <h2>
          <span className="chapter" data-testid="chapter-position">{formatCount(n)} / {formatCount(CHAPTERS.length)}</span>
          {' · '}{t(`story:chapters.${id}.title`)}
          {modified && <span className="modified" data-testid="story-modified">{t('story:card.modified', { n: formatCount(n) })}</span>}
        </h2>
        <div className="story-nav">
          <button type="button" onClick={() => prevChapter()} disabled={n === 1} title={t('story:card.previousKeys')} data-testid="chapter-prev">{t('story:card.previous')}</button>
          <button type="button" onClick={() => nextChapter()} disabled={n === CHAPTERS.length} title={t('story:card.nextKeys')} data-testid="chapter-next">{t('story:card.next')}</button>
          <button type="button" className="link" onClick={() => closeStory()} data-testid="story-close" aria-label={t('story:card.closeLabel')}>{t('story:card.close')}</button>
        </div>
      </header>
      <p data-testid="story-text">{fillFigures(t(`story:chapters.${id}.text`))}</p>
      <StoryLive chapter={chapter} />
      <div className="story-foot">
        <span className="look">
          {t('story:card.lookFor')} <a href={`#${panel.anchor}`} data-testid="story-look"
            onClick={(e) => { e.preventDefault(); bringChapterIntoView(chapter); document.getElementById(panel.anchor)?.focus({ preventScroll: true }); }}>{t(`story:chapters.${id}.lookFor`)}</a> <small>({panelTitle(chapter.panel)})</small>
        </span>
        <button type="button" className="primary try" onClick={() => tryChapter(chapter)} data-testid="story-try">
          {t('story:card.tryThis', { label: t(`story:chapters.${id}.tryThis`) })}
        </button>
      </div>
    </section>
  );
}
