// The classroom builder's link (the "Share / embed" dialog): the current run's share link with
// the chosen hide flags, panels, chapter, theme, autoplay and embed keys replaced. Pure: a string
// in, a string out, so the dialog, its preview and the tests build the same link.
import { HIDABLE_CONTROLS } from '../link/viewParams';

export interface BuilderChoice {
  /** controls to hide (names of HIDABLE_CONTROLS) */
  hidden: string[];
  /** embed mode: one panel with play, σ and a link back */
  embed: boolean;
  /** the panel of embed mode */
  panel: string;
  /** id of the story chapter to open (`chapter=<id>`), or null for none */
  chapter: string | null;
  theme: 'lecture' | 'projector';
  /** true/false written into the link; null leaves it to the reader's motion setting */
  autoplay: boolean | null;
  lecture: boolean;
}

/** Keys the builder owns: any value of them in the base link is replaced by the choice. */
const OWNED = new Set(['embed', 'panel', 'tour', 'chapter', 'theme', 'autoplay', 'lecture']);

/** A control's hide key in a link: `<name>_hide`. */
const hideKey = (control: string) => `${control}_hide`;

/** The link's words for hiding `control` (`<name>_hide=true`), the tooltip of the dialog's box. */
export function hideParam(control: string): string {
  return `${hideKey(control)}=true`;
}

/** The link for `choice`, built on `base` (a full share link of the current run). */
export function builderLink(base: string, choice: BuilderChoice): string {
  const url = new URL(base);
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(url.search)) {
    if (OWNED.has(key) || key.endsWith('_hide')) continue;
    kept.append(key, value);
  }
  for (const control of HIDABLE_CONTROLS) if (choice.hidden.includes(control)) kept.set(hideKey(control), 'true');
  if (choice.chapter !== null) kept.set('chapter', choice.chapter);
  if (choice.theme !== 'lecture') kept.set('theme', choice.theme);
  if (choice.autoplay !== null) kept.set('autoplay', String(choice.autoplay));
  if (choice.lecture) kept.set('lecture', 'true');
  if (choice.embed) { kept.set('embed', 'true'); kept.set('panel', choice.panel); }
  url.search = kept.toString();
  url.hash = '';
  return url.href;
}

/** Escapes a value for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The `<iframe>` snippet a course page pastes (600 × 400 is the smallest size embed mode fits). */
export function iframeSnippet(link: string, title: string, width = 600, height = 400): string {
  return `<iframe src="${attr(link)}" width="${width}" height="${height}" title="${attr(title)}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
}
