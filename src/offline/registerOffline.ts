// Registers the service worker of the built site (dist/sw.js, src/offline/serviceWorker.js) so the
// page works offline after the first visit, and watches for a new deployment: its worker caches
// the new version and waits, this page keeps running the version it started with, and the banner
// offers "A new version is ready: Reload" (src/ui/updateNotice.ts, through `onUpdate`). Reload asks the waiting
// worker to take over and reloads once it controls the page, so the whole page is the new version.
// Not in the dev server (no sw.js there); a failure is said in the console and changes nothing else.

/** How often an open page asks the host for a new deployment (the browser also checks on each visit). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Called with the waiting version's Reload once a new deployment is cached. */
export type OnUpdate = (apply: () => void) => void;

function offerUpdate(waiting: ServiceWorker, onUpdate: OnUpdate): void {
  onUpdate(() => {
    const sw = navigator.serviceWorker;
    let reloaded = false;
    sw.addEventListener('controllerchange', () => { if (!reloaded) { reloaded = true; location.reload(); } });
    waiting.postMessage({ type: 'skip-waiting' });
  });
}

/** A worker that finished installing while another controls this page is a new version waiting. */
function watch(reg: ServiceWorkerRegistration, onUpdate: OnUpdate): void {
  if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting, onUpdate);
  reg.addEventListener('updatefound', () => {
    const next = reg.installing;
    next?.addEventListener('statechange', () => {
      if (next.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(next, onUpdate);
    });
  });
  setInterval(() => { reg.update().catch(() => undefined); }, UPDATE_CHECK_MS);
}

export function registerOffline(onUpdate: OnUpdate): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const unavailable = (e: unknown) => console.warn(`flowvar: offline use is unavailable (${e instanceof Error ? e.message : String(e)})`);
  try {
    // relative: the worker's scope is the folder the page is served from (any sub-path)
    navigator.serviceWorker.register('./sw.js').then((reg) => watch(reg, onUpdate), unavailable);
  } catch (e) {
    unavailable(e); // an opaque origin (a sandboxed iframe) refuses even the property access
  }
}
