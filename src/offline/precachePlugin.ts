// Vite plugin: writes dist/sw.js, the service worker of src/offline/serviceWorker.js with the
// build's file list (PRECACHE), a version hash of that list (VERSION) and the headers it adds to
// every response (ISOLATION_HEADERS, src/crossOriginIsolation.ts) in front of it. Runs at
// build time only; the dev server has no service worker.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { HEADERS_FILE, ISOLATION_HEADERS } from '../crossOriginIsolation.ts';

const SOURCE = new URL('./serviceWorker.js', import.meta.url);
/** The worker's own file name (dist/sw.js); the page registers './sw.js'. */
export const SW_FILE = 'sw.js';

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(filesUnder(path).map((f) => join(name, f))) : out.concat(name);
  }
  return out;
}

/** The precache list: './' (the page) and every emitted and public file, relative to the site root (not _headers: hosts do not serve it). */
export function precacheList(emitted: string[], publicFiles: string[]): string[] {
  const files = [...emitted, ...publicFiles].filter((f) => f !== SW_FILE && f !== HEADERS_FILE && !f.endsWith('.map')).map((f) => f.split('\\').join('/'));
  return ['./', ...[...new Set(files)].sort().map((f) => `./${f}`)];
}

export function precachePlugin(publicDir = 'public'): Plugin {
  return {
    name: 'flowvar-precache',
    apply: 'build',
    // after Vite's own plugins: index.html (with its CSP meta) is in the bundle by then
    enforce: 'post',
    generateBundle(_options, bundle) {
      const list = precacheList(Object.keys(bundle), filesUnder(publicDir).map((f) => relative('.', f)));
      // the version follows every emitted byte (index.html keeps its name when its content changes)
      const hash = createHash('sha256').update(list.join('\n'));
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name];
        hash.update(item.type === 'chunk' ? item.code : item.source);
      }
      const version = hash.digest('hex').slice(0, 12);
      const source = readFileSync(SOURCE, 'utf8');
      this.emitFile({
        type: 'asset', fileName: SW_FILE,
        source: `const PRECACHE = ${JSON.stringify(list)};\nconst VERSION = '${version}';\nconst ISOLATION_HEADERS = ${JSON.stringify(ISOLATION_HEADERS)};\n${source}`,
      });
    },
  };
}
