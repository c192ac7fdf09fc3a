// The module graph of src/: runtime imports (not `import type`) form no cycle, and every import
// points down the layers of docs/architecture.md#layers. LAYERS below is the one statement of
// those layers: each folder of src/ (and each file at its top) with the layers it may import
// directly and the packages it may use; what a layer below may import, it may import too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

interface Layer {
  /** layers directly below (their own `below` are allowed too) */
  below: readonly string[];
  /** outside packages it may import (`node:` covers every Node built-in) */
  packages: readonly string[];
}

/** The layers, lowest first. */
export const LAYERS: Readonly<Record<string, Layer>> = {
  math: { below: [], packages: [] }, // the formulas: pure TypeScript
  engine: { below: ['math', '../shaders'], packages: [] }, // trainers: no React, no DOM, no store
  node: { below: ['engine'], packages: ['node:', 'webgpu'] }, // Node's GPU (Dawn), threads and files
  format: { below: ['engine'], packages: [] }, // numbers and settings as people read them
  i18n: { below: ['format'], packages: ['i18next', 'react-i18next'] }, // the page's languages and catalogues
  story: { below: ['format'], packages: [] }, // chapters, their figures, the list of panels: data
  link: { below: ['story', 'i18n'], packages: [] }, // the share-link codec: read by the page and the CLI
  state: { below: ['link', 'i18n'], packages: ['zustand'] }, // the store, its slices, actions and runners
  panels: { below: ['state'], packages: ['react', 'd3', 'zustand'] }, // plots: React shells and draw functions
  export: { below: ['link', '../package.json'], packages: [] }, // the PyTorch script of a link: template and generator
  ui: { below: ['panels', 'export'], packages: ['react', 'react-dom'] }, // controls, dialogs, keys
  cli: { below: ['node', 'export'], packages: ['node:'] }, // `flowvar`: above the codec, beside the page
  'crossOriginIsolation.ts': { below: [], packages: [] }, // the isolation headers: one table
  'csp.ts': { below: [], packages: [] }, // the Content-Security-Policy: one table
  offline: { below: ['crossOriginIsolation.ts'], packages: ['node:', 'vite'] }, // service worker and its precache list
  'App.tsx': { below: ['ui'], packages: ['react'] }, // the page's layout
  'styles.css': { below: [], packages: [] }, // the page's one style sheet
  'main.tsx': { below: ['App.tsx', 'offline', 'styles.css'], packages: ['react', 'react-dom'] }, // the entry: wires engines into the store
};

/** Every layer a layer may import: itself and the closure of `below`. */
export function reachable(layers: Readonly<Record<string, Layer>>, name: string): Set<string> {
  const seen = new Set<string>();
  const walk = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const b of layers[n]?.below ?? []) walk(b);
  };
  walk(name);
  return seen;
}

/** The packages a layer may use: its own and those of the layers below (a lower layer's package travels up). */
function packagesOf(name: string): string[] {
  return [...reachable(LAYERS, name)].flatMap((n) => LAYERS[n]?.packages ?? []);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assembly' ? [] : sources(path);
    return /\.(tsx?|mjs|js)$/.test(name) && !name.endsWith('.d.mts') ? [path] : [];
  });
}

/** Runtime import specifiers of a file: static imports, bare imports and `import('…')`; type-only imports are left out. */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)([^;]*?)\s*from\s*'([^']+)';/gms)) {
    const names = m[1];
    // `import { type A, type B } from` carries no runtime binding either
    if (/^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    out.push(m[2]);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)';/gm)) out.push(m[1]);
  for (const m of text.matchAll(/(?<![\w.])(?<!typeof )import\(\s*'([^']+)'\s*\)/g)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.split('?')[0]);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try { if (statSync(candidate).isFile()) return candidate; } catch { /* not this candidate: try the next */ }
  }
  return null;
}

const FILES = sources(SRC);
const GRAPH = new Map(FILES.map((f) => [f, runtimeImports(readFileSync(f, 'utf8'))]));
/** A file's layer: its folder under src/, the file's own name at the top, `../<dir>` outside src/. */
const layerOf = (f: string) => relative(SRC, f).split('/')[0];

/** The imports of `graph` that break `layers`, as "file → specifier (why)". */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>, layers: Readonly<Record<string, Layer>>): string[] {
  const bad: string[] = [];
  for (const [f, specs] of graph) {
    const from = layerOf(f);
    if (!layers[from]) { bad.push(`${relative(SRC, f)} (the folder ${from} is not in LAYERS)`); continue; }
    const allowed = reachable(layers, from);
    const packages = [...allowed].flatMap((n) => layers[n]?.packages ?? []);
    for (const spec of specs) {
      if (!spec.startsWith('.')) {
        const pkg = spec.startsWith('node:') ? 'node:' : spec.split('/')[0];
        if (!packages.includes(pkg)) bad.push(`${relative(SRC, f)} → ${spec} (package not allowed in ${from})`);
        continue;
      }
      const target = resolveLocal(f, spec) ?? resolve(dirname(f), spec.split('?')[0]);
      const to = target.startsWith(SRC + '/') ? layerOf(target) : `../${relative(dirname(SRC), target).split('/')[0]}`;
      if (!allowed.has(to)) bad.push(`${relative(SRC, f)} → ${spec} (${from} may not import ${to})`);
    }
  }
  return bad;
}

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
  it('runtimeImports() skips type-only imports and reads dynamic ones (the checker itself can fail)', () => {
    expect(runtimeImports("import type { A } from './a';\nimport { type B } from './b';\nimport { c, type D } from './c';\nimport './e.css';\nconst f = await import('./f');\ntype G = typeof import('./g');")).toEqual(['./c', './e.css', './f']);
  });

  it('upwardImports() flags an import up the layers and a package a layer may not use', () => {
    const graph = new Map([
      [join(SRC, 'link/x.ts'), ['../state/store', '../story/chapters']],
      [join(SRC, 'engine/y.ts'), ['react', '../math/rng']],
      [join(SRC, 'newFolder/z.ts'), []],
    ]);
    expect(upwardImports(graph, LAYERS)).toEqual([
      'link/x.ts → ../state/store (link may not import state)',
      'engine/y.ts → react (package not allowed in engine)',
      'newFolder/z.ts (the folder newFolder is not in LAYERS)',
    ]);
  });

  it('has no runtime import cycle', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(findCycle()).toBeNull();
  });

  it('every folder of src/ is a layer, and the layers form no cycle', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory() || /\.(tsx?|mjs|js|css)$/.test(n));
    expect(folders.filter((n) => !LAYERS[n])).toEqual([]);
    for (const [name, layer] of Object.entries(LAYERS)) {
      for (const b of layer.below) expect(reachable(LAYERS, b).has(name), `${name} ↔ ${b}`).toBe(false);
    }
  });

  it('every import points down the layers (docs/architecture.md#layers)', () => {
    expect(upwardImports(GRAPH, LAYERS)).toEqual([]);
    expect(packagesOf('engine')).toEqual([]);
  });
});
