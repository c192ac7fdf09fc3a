#!/usr/bin/env node
// `npm run build:cli` (and `npm pack`, through prepack): the command line as one JavaScript bundle,
// so the installed package starts without a TypeScript loader and depends on nothing. Writes
// dist-cli/ in the layout the sources expect of the files they find from their own URL:
//   dist-cli/node/flowvar.mjs              src/cli/main.ts and what it imports (esbuild); every
//   dist-cli/node/<name>-<hash>.mjs        dynamic import a chunk beside it (the same folder: their
//                                          import.meta.url must find the files below the same way)
//   dist-cli/node/wasmThread.mjs           the WebAssembly kernel's worker thread (src/node/)
//   dist-cli/engine/wasm/*.wasm, sliceThreads.mjs   the kernel and its claim loop
//   dist-cli/export/flowvar_run.py         the PyTorch script template
// ../../shaders/ and ../../package.json from dist-cli/node/ are the package's own. `webgpu` (Dawn,
// for --engine gpu) stays outside the bundle: an optional dependency, loaded only when asked for.
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist-cli');
/** Files the bundle reads at run time, source → place under dist-cli/. */
const ASSETS = [
  ['src/node/wasmThread.mjs', 'node/wasmThread.mjs'],
  ['src/engine/wasm/mlp.wasm', 'engine/wasm/mlp.wasm'],
  ['src/engine/wasm/mlpShared.wasm', 'engine/wasm/mlpShared.wasm'],
  ['src/engine/wasm/sliceThreads.mjs', 'engine/wasm/sliceThreads.mjs'],
  ['src/export/flowvar_run.py', 'export/flowvar_run.py'],
];

rmSync(OUT, { recursive: true, force: true });
const started = performance.now();
await build({
  entryPoints: { flowvar: join(ROOT, 'src/cli/main.ts') }, bundle: true, platform: 'node', format: 'esm', target: 'node20',
  // dynamic imports stay chunks of their own: a command loads only what it runs (Dawn only for --engine gpu)
  splitting: true, outdir: join(OUT, 'node'), outExtension: { '.js': '.mjs' }, chunkNames: '[name]-[hash]',
  external: ['webgpu'], logLevel: 'warning', legalComments: 'inline',
});
for (const [from, to] of ASSETS) {
  mkdirSync(join(OUT, to, '..'), { recursive: true });
  copyFileSync(join(ROOT, from), join(OUT, to));
}
const kb = (statSync(join(OUT, 'node/flowvar.mjs')).size / 1024).toFixed(0);
console.error(`dist-cli/node/flowvar.mjs: ${kb} KiB, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
