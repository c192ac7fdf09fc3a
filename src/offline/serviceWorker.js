// flowvar's service worker (docs/deploy.md#offline). The build prepends PRECACHE (every file
// of dist/, hashed names included), VERSION (a hash of that list) and ISOLATION_HEADERS
// (src/crossOriginIsolation.ts): vite.config.ts, precachePlugin. Paths are relative to the
// worker's scope, so the site works from any sub-path.
// Hashed assets: cache first (a name never changes content). The page itself: network first, the
// cached copy when the network fails, whatever the query (every link opens the same page).
// Every response it serves carries the isolation headers, so a page it serves (offline, or from a
// host that sends none) is cross-origin isolated and trains on every core; no reload is forced.
/* global PRECACHE, VERSION, ISOLATION_HEADERS */
const CACHE = `flowvar-${VERSION}`;
const scoped = (path) => new URL(path, self.registration.scope).href;
// the page as the first visit cached it: './' is always in PRECACHE
const PAGE = scoped('./');

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // drop the caches of older builds, then serve the pages already open
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('flowvar-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** `response` with ISOLATION_HEADERS set; errors, opaque responses and redirects pass as they are. */
function isolated(response) {
  if (response.type !== 'basic' && response.type !== 'default') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(PAGE, { cacheName: CACHE }).then((r) => r ?? Response.error())).then(isolated));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit ?? fetch(request)).then(isolated));
});
