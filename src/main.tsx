// Boot: read the link (config + view keys), pick start sizes for the engine, start the runner,
// mirror the config into the address bar, install the shortcuts, render.
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './App';
import { chooseEngine, createSweepEngine, createTrainer } from './engine/createTrainer';
import { loadConfig } from './state/actions';
import { chapterById, chapterConfig, CHAPTERS } from './story/chapters';
import { openChapter } from './state/storyActions';
import { trackStoryModified } from './state/storySlice';
import { Runner } from './state/runner';
import { CompareRunner } from './state/compareRunner';
import { createCompare } from './engine/createCompare';
import { ScienceJobs } from './state/scienceJobs';
import { FieldJobs } from './state/fieldJobs';
import { WorkerFieldProbe } from './engine/fieldProbeClient';
import { appStore, type Store } from './state/store';
import { defaultSpeed, mirrorToUrl, readLocation, shareLink } from './state/urlSync';
import { installKeys } from './ui/keys';
import { prefersReducedMotion, resolveAutoplay, storedAutoplay } from './ui/motionSetting';
import { registerOffline } from './offline/registerOffline';
import { setUpdateReady } from './ui/updateNotice';
import { followLanguage } from './state/language';
import './styles.css';

declare global {
  interface Window {
    /** debug and test hook: the store, the runner and the curves as plain arrays */
    __flowvar?: {
      store: typeof appStore;
      runner: Runner;
      curve: () => { step: number[]; loss: number[]; gradVar: number[] };
      shareLink: () => string;
    };
  }
}

function applyTheme(theme: Store['theme']): void {
  document.documentElement.dataset.theme = theme;
}

async function boot(): Promise<void> {
  const link = readLocation();
  const { view } = link;
  appStore.setState({ hidden: view.hidden, embed: view.embed, theme: view.theme, panel: view.panel, enginePref: view.engine, compare: view.compare, lang: view.lang });
  // the language's catalogues load while the engine is chosen; if they cannot, the page stays in English
  const languageShown = followLanguage(appStore).catch((err: unknown) => console.warn('flowvar: language not loaded, English shown:', err));
  // reduced motion: nothing trains by itself unless the link or the reader's setting says so
  const autoplay = resolveAutoplay(view.autoplay, storedAutoplay(), prefersReducedMotion());
  appStore.setState({ lecture: view.lecture, autoplayLink: view.autoplay, autoplay, playing: autoplay });
  // the faster engine by measurement, unless the link names one (docs/design.md#works-everywhere)
  const opening = chapterById(view.chapter ?? CHAPTERS[0].id) ?? CHAPTERS[0];
  const choice = await chooseEngine(view.engine, link.config ?? chapterConfig(opening, 'cpu'));
  const guess = choice.kind;
  if (choice.reason) appStore.setState({ enginePref: 'cpu', engineChoice: choice.reason });
  if (link.config) {
    // a link with settings is honoured exactly; with a chapter it shows that chapter's card (modified if it differs)
    loadConfig(link.config, link.corrections);
    if (view.chapter) appStore.setState((s) => ({ story: { ...s.story, chapter: view.chapter!, open: true } }));
  } else {
    // the bare page is the story's front door: chapter 1 (or the link's chapter), sized for the engine
    openChapter(view.chapter ?? CHAPTERS[0].id, appStore, { engine: guess, history: false });
    if (link.corrections.length > 0) loadConfig(appStore.getState().config, link.corrections);
  }
  trackStoryModified(appStore);
  appStore.setState({ speed: view.speed ?? defaultSpeed(guess) });

  // The guess was wrong (the GPU code failed to start): the chapter's sizes and speed for the engine that runs.
  const unsubscribeEngine = appStore.subscribe((s, prev) => {
    if (s.engine.phase !== 'ready' || prev.engine.phase === 'ready') return;
    unsubscribeEngine();
    if (s.engine.kind === guess) return;
    if (view.speed === null) appStore.setState({ speed: defaultSpeed(s.engine.kind) });
    if (!link.config && s.story.open && !s.story.modified) openChapter(s.story.chapter, appStore, { history: false });
  });

  applyTheme(appStore.getState().theme);
  appStore.subscribe((s, prev) => { if (s.theme !== prev.theme) applyTheme(s.theme); });

  const runner = new Runner({ store: appStore, create: createTrainer });
  runner.start();
  new CompareRunner({ store: appStore, create: createCompare }).start();
  // the sweep and ReFlow jobs get the same engine factories as the runner, on engines of their own
  const preference = () => appStore.getState().enginePref;
  const science = new ScienceJobs({
    store: appStore,
    createTrainer: async (config, onLost) => {
      const { trainer, info } = await createTrainer(config, { preference: preference(), onDeviceLost: onLost, onWorkerLost: onLost });
      return { engine: trainer, fallbackReason: info.fallbackReason };
    },
    createSweep: (config, sigmas, seeds) => createSweepEngine(config, sigmas, preference(), seeds),
  });
  science.start();
  // the quiver, the closed-form distances and the crossing map are computed in a Worker, not in the panels
  new FieldJobs({ store: appStore, probe: new WorkerFieldProbe() }).start();
  mirrorToUrl(appStore, view.engine);
  installKeys();

  window.__flowvar = {
    store: appStore,
    runner,
    curve: () => {
      const c = appStore.getState().curves;
      const col = (k: 'step' | 'loss' | 'gradVar') => Array.from(c.columns[k].subarray(0, c.length));
      return { step: col('step'), loss: col('loss'), gradVar: col('gradVar') };
    },
    shareLink: () => shareLink(appStore.getState()),
  };

  await languageShown;
  const root = document.getElementById('root');
  if (!root) throw new Error('flowvar: no #root element in index.html');
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}

registerOffline(setUpdateReady);

boot().catch((err: unknown) => {
  // Never a blank page: say what failed.
  const root = document.getElementById('root') ?? document.body;
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.textContent = `flowvar could not start: ${err instanceof Error ? err.message : String(err)}`;
  root.replaceChildren(p);
});
