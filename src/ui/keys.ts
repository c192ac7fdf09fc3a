// Every keyboard shortcut, once (docs/design.md#lecture). The help overlay is generated from this table.
import { nudgeSigma, resetRun, setFullscreen, setHelp, stepOnce, togglePlay, toggleTheme } from '../state/actions';
import { appStore } from '../state/store';
import { CHAPTERS } from '../story/chapters';
import { nextChapter, openChapterAt, prevChapter } from '../state/storyActions';
import { isPanelId, PANEL_IDS, type PanelId } from '../story/panelList';

export interface KeyBinding {
  /** KeyboardEvent.key values that trigger it */
  keys: readonly string[];
  /** how the help overlay writes the key */
  display: string;
  /** what it does, in words */
  label: string;
  run: (e: KeyboardEvent) => void;
}

/** The panel holding keyboard focus (or the pointer), for F. */
function focusedPanel(): PanelId | null {
  const el = (document.activeElement instanceof HTMLElement ? document.activeElement : null)?.closest<HTMLElement>('[data-panel]')
    ?? document.querySelector<HTMLElement>('[data-panel]:hover');
  const id = el?.dataset.panel;
  return id && isPanelId(id) ? id : null;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: [' '], display: 'Space', label: 'play / pause', run: () => togglePlay() },
  { keys: ['ArrowRight'], display: '→', label: 'one training step', run: () => stepOnce() },
  { keys: ['r', 'R'], display: 'R', label: 'reset to the same initial weights', run: () => resetRun() },
  { keys: ['['], display: '[', label: 'σ one notch down', run: () => nudgeSigma(-1) },
  { keys: [']'], display: ']', label: 'σ one notch up', run: () => nudgeSigma(1) },
  {
    keys: CHAPTERS.slice(0, 9).map((_, i) => String(i + 1)), display: `1–${Math.min(9, CHAPTERS.length)}`,
    label: `open a chapter (a fresh run): ${CHAPTERS.map((c, i) => `${i + 1} ${c.title}`).join(' · ')}`,
    run: (e) => openChapterAt(Number(e.key) - 1),
  },
  { keys: ['n', 'N', 'PageDown'], display: 'N / PgDn', label: 'next chapter', run: () => nextChapter() },
  { keys: ['b', 'B', 'PageUp'], display: 'B / PgUp', label: 'previous chapter', run: () => prevChapter() },
  {
    keys: ['f', 'F'], display: 'F', label: 'full-screen the focused panel (again or Esc to leave)',
    run: () => {
      const current = appStore.getState().fullscreen;
      setFullscreen(current ? null : focusedPanel() ?? PANEL_IDS[0]);
    },
  },
  { keys: ['p', 'P'], display: 'P', label: 'projector theme on / off (large type, high contrast)', run: () => toggleTheme() },
  { keys: ['?'], display: '?', label: 'this help', run: () => setHelp(!appStore.getState().help) },
  {
    keys: ['Escape'], display: 'Esc', label: 'close the help or leave full screen',
    run: () => { setHelp(false); setFullscreen(null); },
  },
];

/** Inputs own their keys (typing, a slider's arrows); shortcuts wait until focus leaves them. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** The binding a key event triggers, or null (inputs, modifier chords, Space on a button). */
export function bindingFor(e: KeyboardEvent): KeyBinding | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const binding = KEY_BINDINGS.find((b) => b.keys.includes(e.key)) ?? null;
  if (!binding) return null;
  if (e.key === 'Escape') return binding;
  if (isTyping(e.target)) return null;
  if (e.key === ' ' && e.target instanceof HTMLElement && (e.target.tagName === 'BUTTON' || e.target.tagName === 'SUMMARY')) return null;
  return binding;
}

/** Installs the shortcuts on `target`; returns the remover. */
export function installKeys(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const b = bindingFor(e);
    if (!b) return;
    e.preventDefault();
    b.run(e);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
