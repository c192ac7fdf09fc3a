// The open chapter's panel in view (docs/design.md#the-story). The page puts that panel first, right
// under the story card (src/App.tsx), and when the chapter opens or its "Try this" runs, this
// scrolls the least that shows the panel's plot (or its marked readout row) whole, with the card's
// "Look for" line still on screen, above the phone's fixed bar. In the projector theme the panels
// scroll inside their own column: that column goes back to its top, where the chapter's panel is.
import { useEffect } from 'react';
import { panelInfo } from '../story/panelList';
import { chapterById, type Chapter } from '../story/chapters';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';

/** The element a chapter points at: its marked readout row, else the panel's first plot, else the panel. */
export function chapterTarget(chapter: Chapter): HTMLElement | null {
  const panel = document.getElementById(panelInfo(chapter.panel).anchor);
  if (!panel) return null;
  const { target } = chapter.look;
  if (target.kind === 'readout') return panel.querySelector<HTMLElement>(`[data-metric="${target.metric}"]`) ?? panel;
  return panel.querySelector<HTMLElement>('.plot') ?? panel;
}

/** Pixels at the bottom of the viewport covered by a fixed bar (the phone's Play / σ bar). */
function coveredBottom(): number {
  const bar = document.querySelector('[data-testid="phone-bar"]');
  return bar ? Math.max(0, innerHeight - bar.getBoundingClientRect().top) : 0;
}

const MARGIN = 8;

export function bringChapterIntoView(chapter: Chapter): void {
  const target = chapterTarget(chapter);
  const look = document.querySelector('[data-testid="story-look"]')?.closest('.story-foot');
  if (!target || !look) return;
  const panels = target.closest<HTMLElement>('.panels');
  if (panels && panels.scrollHeight > panels.clientHeight) panels.scrollTop = 0; // projector: its own column
  const t = target.getBoundingClientRect(), l = look.getBoundingClientRect();
  const bottom = innerHeight - coveredBottom() - MARGIN;
  let dy = 0;
  if (t.bottom > bottom) dy = Math.min(t.bottom - bottom, l.top - MARGIN); // down, never past the "Look for" line
  else if (l.top < 0 || t.top < 0) dy = Math.min(l.top, t.top) - MARGIN; // up, to the line (a later chapter's scroll)
  if (dy !== 0) window.scrollBy({ top: dy, behavior: 'instant' });
}

/** For this long after the first pass the view is kept as the page settles (the card's live line and the header fill in as training starts). */
const SETTLE_MS = 2000;
const SETTLE_EVERY_MS = 250;
/** The reader's own scrolling ends the settling at once. */
const READER_EVENTS = ['wheel', 'touchmove', 'keydown', 'mousedown'] as const;

/** Brings the open chapter's panel into view each time the story asks (story.focus), once the page has laid out, and keeps it there while the page settles. */
export function useChapterInView(): void {
  const focus = useAppStore((s) => (s.story.open ? s.story.focus : -1));
  useEffect(() => {
    if (focus < 0) return;
    const bring = () => {
      const chapter = chapterById(appStore.getState().story.chapter);
      if (chapter) bringChapterIntoView(chapter);
    };
    let frame = requestAnimationFrame(() => { frame = requestAnimationFrame(bring); });
    const settle = setInterval(bring, SETTLE_EVERY_MS);
    const stop = () => {
      clearInterval(settle);
      for (const e of READER_EVENTS) window.removeEventListener(e, stop);
    };
    const end = setTimeout(stop, SETTLE_MS);
    for (const e of READER_EVENTS) window.addEventListener(e, stop, { passive: true });
    return () => { cancelAnimationFrame(frame); clearTimeout(end); stop(); };
  }, [focus]);
}
