// The two response headers that make the page cross-origin isolated (self.crossOriginIsolated):
// shared memory is then allowed, so the CPU worker trains on every core
// (src/engine/wasm/browserKernel.ts). One list, sent by every server we control: Vite's dev and
// preview servers (vite.config.ts), the e2e and bench servers, dist/_headers for static hosts that
// read one (Netlify, Cloudflare Pages), and the service worker on every response it serves
// (src/offline/serviceWorker.js), so a page opened from its cache is isolated too. Everything the
// page loads is same-origin, so require-corp blocks nothing. A page framed by one that is not
// isolated is not isolated either: its CPU worker runs one thread and says so.
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Name of the static hosts' header file in dist/ (never precached: those hosts do not serve it). */
export const HEADERS_FILE = '_headers';

/** dist/_headers in the Netlify / Cloudflare Pages syntax: every path gets ISOLATION_HEADERS. */
export function headersFileText(): string {
  return ['/*', ...Object.entries(ISOLATION_HEADERS).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}
