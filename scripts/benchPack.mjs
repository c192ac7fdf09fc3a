#!/usr/bin/env node
// `npm run bench:pack [-- OUT_DIR]`: writes the bench pack, a folder that runs the Node benchmark
// on a bare Linux x64 GPU machine (bench/pack/run.sh says what it needs):
//   run.sh, README.txt, payload.tar.gz = node (this very Node, process.execPath, stripped when
//   `strip` exists), lib/libvulkan.so.1 (the system's Vulkan loader), app/bench.mjs (bench/packEntry.ts
//   and the engine bundled by esbuild, shaders inlined), app/dist/linux-x64/dawn.node (the `webgpu`
//   package's own layout, so its loader finds it next to the bundle), engine/wasm/*.wasm,
//   app/wasmThread.mjs and engine/wasm/sliceThreads.mjs (the WebAssembly CPU engine and its
//   threads, found from the bundle's URL; the thread imports the claim loop from ../engine/wasm),
//   export/flowvar_run.py (the exported script's template, for its timing row).
// Fails if the folder would exceed 60 MiB.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { shaderGlobPlugin } from './shaderGlobPlugin.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_BYTES = 60 * 1024 * 1024;
const VULKAN_LOADERS = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1', '/usr/lib/libvulkan.so.1'];

function fail(message) {
  process.stderr.write(`bench:pack: ${message}\n`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`the pack is for linux-x64 (this is ${process.platform}-${process.arch})`);
const out = process.argv[2] ?? join(ROOT, 'dist-bench');
const dawn = join(ROOT, 'node_modules/webgpu/dist/linux-x64/dawn.node');
if (!existsSync(dawn)) fail(`missing ${dawn}: run npm ci`);
const vulkan = VULKAN_LOADERS.find((p) => existsSync(p));
if (!vulkan) fail('no libvulkan.so.1 on this machine (apt-get install libvulkan1)');

const stage = mkdtempSync(join(tmpdir(), 'flowvar-pack-'));
try {
  mkdirSync(join(stage, 'app/dist/linux-x64'), { recursive: true });
  mkdirSync(join(stage, 'lib'));
  await build({
    entryPoints: [join(ROOT, 'bench/packEntry.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outfile: join(stage, 'app/bench.mjs'), plugins: [shaderGlobPlugin], logLevel: 'warning',
    // the bundled `webgpu` index.js calls require(); ESM output needs one
    banner: { js: "import { createRequire as __flowvarRequire } from 'node:module'; const require = __flowvarRequire(import.meta.url);" },
  });
  copyFileSync(dawn, join(stage, 'app/dist/linux-x64/dawn.node'));
  // the WebAssembly CPU engine (src/node/wasmKernel.ts) finds its files from the bundle's URL:
  // ../engine/wasm/*.wasm and ./wasmThread.mjs, which imports ../engine/wasm/sliceThreads.mjs
  mkdirSync(join(stage, 'engine/wasm'), { recursive: true });
  for (const f of ['mlp.wasm', 'mlpShared.wasm', 'sliceThreads.mjs']) copyFileSync(join(ROOT, 'src/engine/wasm', f), join(stage, 'engine/wasm', f));
  copyFileSync(join(ROOT, 'src/node/wasmThread.mjs'), join(stage, 'app/wasmThread.mjs'));
  // the exported-script timing row (bench/exportRow.ts) reads the template from ../export/ (src/node/scriptTemplate.ts)
  mkdirSync(join(stage, 'export'));
  copyFileSync(join(ROOT, 'src/export/flowvar_run.py'), join(stage, 'export/flowvar_run.py'));
  copyFileSync(realpathSync(vulkan), join(stage, 'lib/libvulkan.so.1'));
  const node = join(stage, 'node');
  const stripped = spawnSync('strip', [process.execPath, '-o', node]).status === 0;
  if (!stripped) copyFileSync(process.execPath, node);
  chmodSync(node, 0o755);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // gzip -1: a few MiB larger than -6, several times faster (the pack test builds it)
  const tar = spawnSync('tar', ['-I', 'gzip -1', '-cf', join(out, 'payload.tar.gz'), '-C', stage, 'node', 'lib', 'app', 'engine', 'export'], { stdio: 'inherit' });
  if (tar.status !== 0) fail('tar failed');
  cpSync(join(ROOT, 'bench/pack/run.sh'), join(out, 'run.sh'));
  chmodSync(join(out, 'run.sh'), 0o755);
  writeFileSync(join(out, 'README.txt'), [
    'flowvar bench pack (linux-x64). Needs bash, tar with gzip and the GPU Vulkan driver; no npm, no network.',
    '  ./run.sh                  full table on the GPU',
    '  ./run.sh --quick          fewer sizes, shorter measurements',
    '  ./run.sh --software       SwiftShader (needs /usr/lib/chromium/vk_swiftshader_icd.json)',
    'Prints the table, then "--- json ---" and the report as JSON. First run unpacks payload.tar.gz into ./unpacked',
    `(FLOWVAR_BENCH_WORK=DIR to unpack elsewhere). Node ${process.version}${stripped ? ' (stripped)' : ''}, Dawn from npm webgpu, Vulkan loader from ${vulkan}.`,
    '',
  ].join('\n'));
  const bytes = ['payload.tar.gz', 'run.sh', 'README.txt'].reduce((s, f) => s + statSync(join(out, f)).size, 0);
  process.stdout.write(`bench pack: ${out} (${(bytes / 1024 / 1024).toFixed(1)} MiB)\n`);
  if (bytes > LIMIT_BYTES) fail(`pack is ${bytes} bytes, over the ${LIMIT_BYTES}-byte limit`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
