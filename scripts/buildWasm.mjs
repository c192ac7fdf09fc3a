#!/usr/bin/env node
// `npm run build:wasm`: compiles the CPU engine's kernel (src/engine/wasm/assembly/mlp.ts,
// AssemblyScript) into the two committed binaries the engine loads:
//   src/engine/wasm/mlp.wasm        own memory: the browser worker (one thread)
//   src/engine/wasm/mlpShared.wasm  shared memory: Node worker threads on one memory
// The binaries are committed so every entry point (CLI via tsx, Vite dev/build, tests, the bench)
// works with no build step; tests/unit/wasmBuild.test.ts recompiles and checks the bytes match.
import asc from 'assemblyscript/asc';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../src/engine/wasm/', import.meta.url));
const COMMON = ['assembly/mlp.ts', '-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--enable', 'simd'];
/** 65536 pages = 4 GiB: the largest batch × width × depth (the ranges of src/engine/runConfig.ts) fits (docs/development.md#the-webassembly-build). */
export const VARIANTS = {
  'mlp.wasm': [],
  'mlpShared.wasm': ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'],
};

/** Compiles one variant in memory; rejects with the compiler's messages. */
export async function compileWasm(name) {
  let binary = null;
  const stderr = asc.createMemoryStream();
  const { error } = await asc.main([...COMMON, ...VARIANTS[name], '-o', name], {
    stderr,
    readFile: (file, base) => { const p = join(DIR, base, file); return existsSync(p) ? readFileSync(p, 'utf8') : null; },
    writeFile: (file, contents) => { if (file === name) binary = contents; },
  });
  if (error || !binary) throw new Error(`asc ${name}: ${error?.message ?? 'no output'}\n${stderr.toString()}`);
  return binary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of Object.keys(VARIANTS)) {
    const bytes = await compileWasm(name);
    writeFileSync(DIR + name, bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}
