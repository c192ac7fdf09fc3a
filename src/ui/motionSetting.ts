// Whether the page starts training by itself. prefers-reduced-motion: reduce means no autoplay;
// the reader's own setting (the "Autoplay" box, kept in localStorage) overrides the system, and a
// link's `autoplay=` overrides both (a lecturer's embed decides for its page).
import { appStore } from '../state/store';

const STORAGE_KEY = 'flowvar.autoplay';

/** The autoplay rule: link, then the reader's setting, then the system's motion preference. */
export function resolveAutoplay(link: boolean | null, stored: boolean | null, reducedMotion: boolean): boolean {
  return link ?? stored ?? !reducedMotion;
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The reader's saved setting, or null (none saved, or storage unavailable). */
export function storedAutoplay(): boolean | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'true' ? true : v === 'false' ? false : null;
  } catch (e) {
    console.warn('flowvar: the autoplay setting could not be read', e);
    return null;
  }
}

/** Saves the reader's choice and applies it to later openings and presets (not to the run now). */
export function setAutoplaySetting(on: boolean): void {
  appStore.setState({ autoplay: on });
  try {
    localStorage.setItem(STORAGE_KEY, String(on));
  } catch (e) {
    console.warn('flowvar: the autoplay setting could not be saved', e);
  }
}
