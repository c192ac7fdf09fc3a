// The committed kernels (src/engine/wasm/*.wasm) are what their AssemblyScript source compiles to:
// recompiles with scripts/buildWasm.mjs (the `npm run build:wasm` step) and compares the bytes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain-JS build script without type declarations
import { compileWasm, VARIANTS } from '../../scripts/buildWasm.mjs';

describe('npm run build:wasm', () => {
  it.each(Object.keys(VARIANTS as Record<string, string[]>))('%s equals a fresh compile of src/engine/wasm/assembly/mlp.ts (run npm run build:wasm if not)', async (name) => {
    const fresh = (await compileWasm(name)) as Uint8Array;
    const committed = readFileSync(new URL(`../../src/engine/wasm/${name}`, import.meta.url));
    expect(fresh.length).toBeGreaterThan(1000);
    expect(Buffer.from(fresh).equals(committed)).toBe(true);
  });
});
