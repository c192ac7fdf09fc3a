// The chapter's "what to look for" mark: the panel it concerns is outlined, as long as the story
// card is open; a whole-panel target also carries the chapter's label here, a readout target
// outlines and labels its own row (a curve or region target is labelled on the data by
// src/panels/StoryMarkLayer.tsx). The panel is found by its anchor
// (src/story/panelList.ts); its label is portalled into it, so the panels need no story code.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPortal } from 'react-dom';
import { panelInfo } from '../story/panelList';
import { useAppStore } from '../state/useAppStore';
import { chapterById } from '../story/chapters';

export function StoryMark() {
  const id = useAppStore((s) => (s.story.open ? s.story.chapter : null));
  const chapter = id ? chapterById(id) : undefined;
  const [host, setHost] = useState<HTMLElement | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    if (!chapter) { setHost(null); return; }
    const panel = document.getElementById(panelInfo(chapter.panel).anchor);
    const { target } = chapter.look;
    const el = target.kind === 'readout' ? panel?.querySelector<HTMLElement>(`[data-metric="${target.metric}"] dd`) ?? panel : panel;
    if (!el) { setHost(null); return; }
    el.setAttribute('data-story-mark', chapter.look.target.kind);
    setHost(el);
    return () => el.removeAttribute('data-story-mark');
  }, [chapter]);
  if (!chapter || !host) return null;
  // Curves and regions carry their label on the data (src/panels/StoryMarkLayer.tsx); a sweep
  // transition or ReFlow band is labelled here until its data mark is drawn (styles.css hides it then).
  if (chapter.look.target.kind === 'curve' || chapter.look.target.kind === 'region') return null;
  const inRow = chapter.look.target.kind === 'readout' && host.tagName === 'DD';
  return createPortal(<span className={inRow ? 'story-mark-label in-row' : 'story-mark-label'} data-testid="story-mark">{t(`story:chapters.${chapter.id}.lookFor`)}</span>, host);
}
