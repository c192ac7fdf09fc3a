// Registers the service worker of the built site (dist/sw.js, src/offline/precachePlugin.ts) so
// the page works offline after the first visit. Not in the dev server (no sw.js there); a failure
// is said in the console and changes nothing else.
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const unavailable = (e: unknown) => console.warn(`flowvar: offline use is unavailable (${e instanceof Error ? e.message : String(e)})`);
  try {
    // relative: the worker's scope is the folder the page is served from (any sub-path)
    navigator.serviceWorker.register('./sw.js').catch(unavailable);
  } catch (e) {
    unavailable(e); // an opaque origin (a sandboxed iframe) refuses even the property access
  }
}
