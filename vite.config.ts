import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/csp.ts';
import { precachePlugin } from './src/offline/precachePlugin.ts';
import { buildId } from './src/offline/buildId.ts';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { HEADERS_FILE, headersFileText, ISOLATION_HEADERS } from './src/crossOriginIsolation.ts';

/** The built index.html carries the CSP as its first <head> element (src/csp.ts); dev stays without one. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'flowvar-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** dist/_headers: static hosts that read one send the isolation headers (src/crossOriginIsolation.ts). */
function staticHostHeaders(): Plugin {
  return {
    name: 'flowvar-static-host-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFileText() });
    },
  };
}

// Relative base: the built site works from any static host and sub-path (docs/deploy.md#static-hosting).
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  // the version the page shows (src/format/version.ts): the package's, and the build id of these sources
  define: { __FLOWVAR_VERSION__: JSON.stringify(PACKAGE_VERSION), __FLOWVAR_BUILD__: JSON.stringify(buildId(ROOT)) },
  base: './',
  // precachePlugin: dist/sw.js with the build's file list (offline once loaded, docs/deploy.md#offline)
  plugins: [react(), contentSecurityPolicy(), staticHostHeaders(), precachePlugin()],
  // the minified bundle drops the dependencies' license comments: their notices ship beside it
  build: { target: 'es2022', sourcemap: false, license: { fileName: 'THIRD-PARTY-LICENSES.md' } },
  worker: { format: 'es' },
  // cross-origin isolated (shared memory: the CPU worker's threads), like every server we control
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  // Three Vitest projects; scripts/test.mjs (npm test) runs them one after another, gpu and e2e
  // one file at a time (SwiftShader and Chromium are heavy on a 2-core machine).
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      // two files at a time even on 2 cores (Vitest's default there is one): a unit file keeps one
      // core busy (node, or the single-threaded Python it waits for), so the other idled
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], maxWorkers: Math.max(2, availableParallelism() - 1) } },
      { extends: true, test: { name: 'gpu', include: ['tests/gpu/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // builds the page once and serves dist/ on 127.0.0.1 (tests/e2e/harness.ts)
          globalSetup: ['tests/e2e/harness.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
