// No dead code in src/: every export is used by the product (the page, the CLI, the bench, the
// build scripts), in another file or in its own. An export that only tests use is a test-only
// helper and belongs under tests/; one that nothing uses is dead. ALLOWED lists the exceptions,
// each with the reason it stays.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** `file name` → why it stays although nothing in the product uses it. */
const ALLOWED: Readonly<Record<string, string>> = {};

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((n) => (['node_modules', 'assembly', 'dist'].includes(n) ? [] : walk(join(path, n))));
}

const code = (dirs: readonly string[]) => dirs.flatMap((d) => walk(join(ROOT, d))).filter((f) => /\.(tsx?|mjs|js)$/.test(f) && !f.endsWith('.d.mts'));

/** Names a file exports by declaration: `export function f`, `export const X`, `export interface I`, … */
export function exportedNames(text: string): string[] {
  return [...text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
}

/** How often `name` occurs as a whole identifier in `text` (property access `x.name` counts: `dawn.probeNodeGpu()`). */
export function occurrences(name: string, text: string): number {
  return text.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
}

/** The exports of `sources` that nothing in `product` uses, as "file name (tests only | unused)". */
export function deadExports(sources: ReadonlyMap<string, string>, product: ReadonlyMap<string, string>, tests: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of sources) {
    for (const name of exportedNames(text)) {
      if (occurrences(name, text) > 1) continue; // its own file uses it
      if ([...product].some(([f, t]) => f !== file && occurrences(name, t) > 0)) continue;
      const inTests = [...tests.values()].some((t) => occurrences(name, t) > 0);
      out.push(`${file} ${name} (${inTests ? 'tests only' : 'unused'})`);
    }
  }
  return out;
}

const read = (files: readonly string[]) => new Map(files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')]));
const SOURCES = read(code(['src']));
const PRODUCT = read([...code(['src', 'bench', 'scripts', 'bin']), join(ROOT, 'vite.config.ts')]);
const TESTS = read(code(['tests']));

describe('exports of src/', () => {
  it('deadExports() tells an export used elsewhere, in its own file, only by tests, or by nothing (the checker itself can fail)', () => {
    const sources = new Map([['lib/a.ts', 'export function used() {}\nexport const SELF = 1;\nconst y = SELF;\nexport function testOnly() {}\nexport type Gone = number;']]);
    const product = new Map([...sources, ['lib/b.ts', "import { used } from './a';\nused();"]]);
    const tests = new Map([['spec/a.test.ts', "import { testOnly } from '../lib/a';"]]);
    expect(deadExports(sources, product, tests)).toEqual(['lib/a.ts testOnly (tests only)', 'lib/a.ts Gone (unused)']);
  });

  it('every export of src/ is used by the page, the CLI, the bench or the build (ALLOWED says why each exception stays)', () => {
    expect(SOURCES.size).toBeGreaterThan(200);
    const dead = deadExports(SOURCES, PRODUCT, TESTS).filter((d) => !ALLOWED[d.replace(/ \(.*\)$/, '')]);
    expect(dead).toEqual([]);
  });

  it('every ALLOWED entry is still an export nothing in the product uses (a stale entry fails)', () => {
    const dead = new Set(deadExports(SOURCES, PRODUCT, TESTS).map((d) => d.replace(/ \(.*\)$/, '')));
    expect(Object.keys(ALLOWED).filter((k) => !dead.has(k))).toEqual([]);
  });
});
