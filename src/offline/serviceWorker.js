// flowvar's service worker (docs/design.md: offline once loaded). The build prepends PRECACHE (every
// file of dist/, hashed names included), VERSION (a hash of that list and the bytes) and
// ISOLATION_HEADERS (src/crossOriginIsolation.ts): vite.config.ts, precachePlugin. Paths are
// relative to the worker's scope, so the site works from any sub-path.
//
// Updates never break an open page. A new deployment's worker caches the whole new version, then
// waits: the open pages keep the version they started with, and their chunks stay cached (the
// hashed names of the old build are no longer on the host). The page shows "A new version is
// ready: Reload" (src/offline/registerOffline.ts); Reload tells this worker to take over
// ('skip-waiting'), and the page reloads whole on the new version. The previous version's cache is
// kept while it may still be in use (another tab) and dropped by the next update.
//
// Hashed assets: cache first, this version's cache, then any flowvar cache (a name never changes
// content). The page itself: network first, this version's cached copy when the network fails,
// whatever the query (every link opens the same page). Every response carries the isolation
// headers, so a page it serves is cross-origin isolated and trains on every core.
/* global PRECACHE, VERSION, ISOLATION_HEADERS */
const PREFIX = 'flowvar-';
const CACHE = `${PREFIX}${VERSION}`;
/** Holds which version's cache the active worker serves, so an install knows which ones to keep. */
const META = `${PREFIX}meta`;
const META_KEY = 'active-cache';
const scoped = (path) => new URL(path, self.registration.scope).href;
// the page as the first visit cached it: './' is always in PRECACHE
const PAGE = scoped('./');

async function activeCache() {
  const hit = await (await caches.open(META)).match(scoped(META_KEY));
  return hit ? hit.text() : null;
}

/** Drops every flowvar cache but `keep` (and the meta cache). */
async function dropCachesBut(keep) {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== META && !keep.includes(k)).map((k) => caches.delete(k)));
}

self.addEventListener('install', (event) => {
  // the version in use stays (open pages may need its chunks); anything older goes
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped)))
    .then(activeCache).then((active) => dropCachesBut([CACHE, ...(active ? [active] : [])])));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // the first install serves the page that registered it at once (offline from the first visit)
  event.waitUntil(caches.open(META).then((meta) => meta.put(scoped(META_KEY), new Response(CACHE))).then(() => self.clients.claim()));
});

/** `response` with ISOLATION_HEADERS set; errors, opaque responses and redirects pass as they are. */
function isolated(response) {
  if (response.type !== 'basic' && response.type !== 'default') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** This version's copy, else any flowvar version's (an older page's chunk), else the network. */
async function cached(request) {
  const own = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return own ?? (await caches.match(request, { ignoreSearch: true })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(PAGE, { cacheName: CACHE }).then((r) => r ?? Response.error())).then(isolated));
    return;
  }
  event.respondWith(cached(request).then(isolated));
});
