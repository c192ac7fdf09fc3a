// The module graph of src/: runtime imports (not `import type`) form no cycle, and the layers
// point down (math ← engine ← state ← panels/ui): the engine never imports React, zustand or the
// state, and math imports nothing above it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assembly' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Runtime import specifiers of a file (type-only imports and `import('…')` types are left out). */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)([^;]*?)\s*from\s*'([^']+)';/gms)) {
    const names = m[1];
    // `import { type A, type B } from` carries no runtime binding either
    if (/^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(m[2]);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try { if (statSync(candidate).isFile()) return candidate; } catch { /* not this candidate: try the next */ }
  }
  return null;
}

const FILES = sources(SRC);
const GRAPH = new Map(FILES.map((f) => [f, runtimeImports(readFileSync(f, 'utf8'))]));
const layer = (f: string) => relative(SRC, f).split('/')[0];

/** One cycle as a list of files, or null. */
function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    state.set(f, 'open');
    stack.push(f);
    for (const spec of GRAPH.get(f) ?? []) {
      const to = resolveLocal(f, spec);
      if (!to || !GRAPH.has(to)) continue;
      if (state.get(to) === 'open') return [...stack.slice(stack.indexOf(to)), to].map((x) => relative(SRC, x));
      if (!state.has(to)) { const c = visit(to); if (c) return c; }
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of FILES) if (!state.has(f)) { const c = visit(f); if (c) return c; }
  return null;
}

describe('the import graph of src/', () => {
  it('runtimeImports() skips type-only imports (the checker itself can fail)', () => {
    expect(runtimeImports("import type { A } from './a';\nimport { type B } from './b';\nimport { c, type D } from './c';\nimport './e.css';")).toEqual(['./c', './e.css']);
  });

  it('has no runtime import cycle', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(findCycle()).toBeNull();
  });

  it('points down: src/engine and src/math never import react, zustand, src/state, src/panels or src/ui', () => {
    const bad: string[] = [];
    for (const [f, specs] of GRAPH) {
      if (layer(f) !== 'engine' && layer(f) !== 'math') continue;
      for (const spec of specs) {
        const to = resolveLocal(f, spec);
        const toLayer = to ? layer(to) : spec;
        if (['react', 'react-dom', 'zustand', 'state', 'panels', 'ui'].includes(toLayer) || spec.startsWith('react') || spec.startsWith('zustand')) bad.push(`${relative(SRC, f)} → ${spec}`);
        if (layer(f) === 'math' && to && layer(to) !== 'math') bad.push(`${relative(SRC, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
