// Every keyboard shortcut, once (docs/design.md#lecture). The help overlay is generated from this table.
import { nudgeSigma, resetRun, setFullscreen, setHelp, stepOnce, togglePlay, toggleTheme } from '../state/actions';
import { appStore } from '../state/store';
import { CHAPTERS } from '../story/chapters';
import { nextChapter, openChapterAt, prevChapter } from '../state/storyActions';
import { isPanelId, PANEL_IDS, type PanelId } from '../story/panelList';

export interface KeyBinding {
  /** the help overlay writes the key as story:keys.<id>.key and what it does as story:keys.<id>.label */
  id: string;
  /** KeyboardEvent.key values that trigger it */
  keys: readonly string[];
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
  { id: 'play', keys: [' '], run: () => togglePlay() },
  { id: 'step', keys: ['ArrowRight'], run: () => stepOnce() },
  { id: 'reset', keys: ['r', 'R'], run: () => resetRun() },
  { id: 'sigmaDown', keys: ['['], run: () => nudgeSigma(-1) },
  { id: 'sigmaUp', keys: [']'], run: () => nudgeSigma(1) },
  { id: 'chapter', keys: CHAPTERS.slice(0, 9).map((_, i) => String(i + 1)), run: (e) => openChapterAt(Number(e.key) - 1) },
  { id: 'next', keys: ['n', 'N', 'PageDown'], run: () => nextChapter() },
  { id: 'previous', keys: ['b', 'B', 'PageUp'], run: () => prevChapter() },
  {
    id: 'fullscreen', keys: ['f', 'F'],
    run: () => {
      const current = appStore.getState().fullscreen;
      setFullscreen(current ? null : focusedPanel() ?? PANEL_IDS[0]);
    },
  },
  { id: 'projector', keys: ['p', 'P'], run: () => toggleTheme() },
  { id: 'help', keys: ['?'], run: () => setHelp(!appStore.getState().help) },
  {
    id: 'escape', keys: ['Escape'],
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
