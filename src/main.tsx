// Boot: read the link (config + view keys), pick start sizes for the engine, start the runner,
// mirror the config into the address bar, install the shortcuts, render.
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './App';
import { createSweepEngine, createTrainer, probeEngine } from './engine/createTrainer';
import { applyPreset, loadConfig } from './state/actions';
import { startConfig } from './state/presets';
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
  appStore.setState({ hidden: view.hidden, embed: view.embed, theme: view.theme, panel: view.panel, enginePref: view.engine, presetId: link.config ? view.preset : null, compare: view.compare });
  // reduced motion: nothing trains by itself unless the link or the reader's setting says so
  const autoplay = resolveAutoplay(view.autoplay, storedAutoplay(), prefersReducedMotion());
  appStore.setState({ lecture: view.lecture, autoplayLink: view.autoplay, autoplay, playing: autoplay });
  const guess = link.config ? null : await probeEngine(view.engine);
  loadConfig(link.config ?? startConfig(guess ?? 'gpu'), link.corrections);
  appStore.setState({ speed: view.speed ?? defaultSpeed(guess) });
  if (view.tour !== null) {
    appStore.setState({ tour: view.tour });
    if (!link.config) applyPreset(view.tour);
  }

  // A bare page guessed the GPU but got the CPU (GPU code failed): switch to the CPU start sizes.
  const unsubscribeEngine = appStore.subscribe((s, prev) => {
    if (s.engine.phase !== 'ready' || prev.engine.phase === 'ready') return;
    unsubscribeEngine();
    if (s.engine.kind === guess) return;
    if (view.speed === null) appStore.setState({ speed: defaultSpeed(s.engine.kind) });
    if (!link.config && guess === 'gpu' && s.engine.kind === 'cpu' && s.tour === null) loadConfig(startConfig('cpu'));
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
      const { trainer, info } = await createTrainer(config, { preference: preference(), onDeviceLost: onLost });
      return { engine: trainer, fallbackReason: info.fallbackReason };
    },
    createSweep: (config, sigmas) => createSweepEngine(config, sigmas, preference()),
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

  const root = document.getElementById('root');
  if (!root) throw new Error('flowvar: no #root element in index.html');
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}

registerOffline();

boot().catch((err: unknown) => {
  // Never a blank page: say what failed.
  const root = document.getElementById('root') ?? document.body;
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.textContent = `flowvar could not start: ${err instanceof Error ? err.message : String(err)}`;
  root.replaceChildren(p);
});
