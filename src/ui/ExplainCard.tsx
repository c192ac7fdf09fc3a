// The story card (docs/design.md#the-story): the open chapter's title, "3 / 7", its text with the measured figures,
// what to look for (and on which panel), its "Try this" button, previous / next, and close. It
// stays while people change settings ("modified from chapter 3"); only closing it or opening
// another chapter changes it. The card is as tall as its text (nothing cut mid-line); opening a
// chapter brings its panel into view under it (src/ui/chapterInView.ts).
import { panelInfo } from '../story/panelList';
import { useAppStore } from '../state/useAppStore';
import { chapterById, chapterIndex, CHAPTERS } from '../story/chapters';
import { fillFigures } from '../story/figures';
import { StoryLive } from './StoryLive';
import { bringChapterIntoView, useChapterInView } from './chapterInView';
import { closeStory, nextChapter, openChapter, prevChapter, tryChapter } from '../state/storyActions';

export function ExplainCard() {
  const id = useAppStore((s) => s.story.chapter);
  const open = useAppStore((s) => s.story.open);
  const modified = useAppStore((s) => s.story.modified);
  useChapterInView();
  const chapter = chapterById(id);
  if (!chapter) return null;
  const n = chapterIndex(id) + 1;
  if (!open) {
    return (
      <section className="story story-closed" aria-label="Story" data-testid="story-closed">
        <button type="button" className="link" onClick={() => openChapter(id)} data-testid="story-open">
          Open the story (chapter {n}: {chapter.title})
        </button>
      </section>
    );
  }
  const panel = panelInfo(chapter.panel);
  return (
    <section className="story" aria-label="Story" data-testid="explain" data-chapter={id}>
      <header className="story-head">
        <h2>
          <span className="chapter" data-testid="chapter-position">{n} / {CHAPTERS.length}</span>
          {' · '}{chapter.title}
          {modified && <span className="modified" data-testid="story-modified"> · modified from chapter {n}</span>}
        </h2>
        <div className="story-nav">
          <button type="button" onClick={() => prevChapter()} disabled={n === 1} title="B / PageUp" data-testid="chapter-prev">← Previous</button>
          <button type="button" onClick={() => nextChapter()} disabled={n === CHAPTERS.length} title="N / PageDown" data-testid="chapter-next">Next →</button>
          <button type="button" className="link" onClick={() => closeStory()} data-testid="story-close" aria-label="Close the story">Close</button>
        </div>
      </header>
      <p data-testid="story-text">{fillFigures(chapter.text)}</p>
      <StoryLive chapter={chapter} />
      <div className="story-foot">
        <span className="look">
          Look for: <a href={`#${panel.anchor}`} data-testid="story-look"
            onClick={(e) => { e.preventDefault(); bringChapterIntoView(chapter); document.getElementById(panel.anchor)?.focus({ preventScroll: true }); }}>{chapter.look.label}</a> <small>({panel.title})</small>
        </span>
        <button type="button" className="primary try" onClick={() => tryChapter(chapter)} data-testid="story-try">
          Try this: {chapter.tryThis.label}
        </button>
      </div>
    </section>
  );
}
