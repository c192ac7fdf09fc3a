// The language border of the GPU engine: every constant, struct offset, record word and
// workgroup-size default the WGSL sources share with TS is read from the .wgsl files here and
// compared with the TS value; every twin note names a file and function that exist.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShaderSources } from '../../src/node/shaderSources';
import { kernelCode, KERNEL_LIBRARIES, SHADER_NAMES, type KernelName } from '../../src/engine/gpuShaders';
import { KERNEL_BINDINGS, KERNEL_CONSTANTS, SEL_BYTES, STAGE_BYTES } from '../../src/engine/gpuPipelines';
import {
  LAYER_FIELDS, LAYER_WORDS, LIVE_BYTES, LIVE_FIELDS, MAX_INPUT, MAX_LAYERS, MAX_MODELS, NET_BYTES, NET_FIELDS,
  NET_LAYERS_WORD, NO_OFFSET, RECORD_FIELDS, RECORD_WORDS, type FieldSpec,
} from '../../src/engine/gpuLayout';
import { T_BINS } from '../../src/math/metrics';
import { T_CLIP } from '../../src/math/interpolants';
import { Stream } from '../../src/math/rng';
import { mlpLayout } from '../../src/math/mlp';
import { RUN_CONFIG_FIELDS } from '../../src/engine/runConfig';

const SOURCES = loadShaderSources();
const ROOT = new URL('../../', import.meta.url);

/** `const NAME: T = V;` of a WGSL text, as numbers. */
function wgslConsts(text: string, kind: 'const' | 'override' = 'const'): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`^${kind}\\s+(\\w+)\\s*:\\s*\\w+\\s*=\\s*([^;]+);`, 'gm'))) {
    out.set(m[1], Number(m[2].trim().replace(/[uf]$/, '')));
  }
  return out;
}

const CONSTS = new Map(SHADER_NAMES.flatMap((n) => [...wgslConsts(SOURCES[n])]));

type Member = { name: string; type: string };
/** Members of `struct name { … }` in common.wgsl. */
function structMembers(name: string): Member[] {
  const body = SOURCES.common.match(new RegExp(`struct ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1];
  if (!body) throw new Error(`no struct ${name} in common.wgsl`);
  return body.split('\n').map((line) => line.replace(/\/\/.*$/, '').trim()).filter((line) => /^\w+\s*:/.test(line))
    .map((line) => { const at = line.indexOf(':'); return { name: line.slice(0, at).trim(), type: line.slice(at + 1).trim().replace(/,$/, '') }; });
}

const roundUp = (a: number, n: number) => Math.ceil(n / a) * a;
/** WGSL size and alignment (bytes) of a type in the uniform address space. */
function sizeAlign(type: string): { size: number; align: number } {
  if (type === 'u32' || type === 'f32') return { size: 4, align: 4 };
  const vec = type.match(/^vec([234])<[fu]32>$/);
  if (vec) { const n = Number(vec[1]); return { size: 4 * n, align: n === 2 ? 8 : 16 }; }
  const arr = type.match(/^array<(.+),\s*(\w+)>$/);
  if (arr) {
    const count = Number.isNaN(Number(arr[2])) ? CONSTS.get(arr[2])! : Number(arr[2]);
    const el = sizeAlign(arr[1]);
    const align = roundUp(16, el.align); // uniform arrays: 16-byte element alignment
    return { size: count * roundUp(align, el.size), align };
  }
  const members = structMembers(type);
  let end = 0, align = 4;
  for (const m of members) { const t = sizeAlign(m.type); end = roundUp(t.align, end) + t.size; align = Math.max(align, t.align); }
  align = roundUp(16, align); // uniform structs: 16-byte alignment
  return { size: roundUp(align, end), align };
}

/** Word offset, scalar type and scalar count of every member (WGSL layout rules). */
function wgslFields(struct: string): Map<string, FieldSpec & { count: number }> {
  const out = new Map<string, FieldSpec & { count: number }>();
  let end = 0;
  for (const m of structMembers(struct)) {
    const t = sizeAlign(m.type);
    const at = roundUp(t.align, end);
    const scalar = m.type.includes('f32') ? 'f32' : 'u32';
    out.set(m.name, { word: at / 4, type: scalar, count: t.size / 4 });
    end = at + t.size;
  }
  return out;
}

/** The TS table equals the WGSL struct's members (padding excluded) in word, type and count. */
function expectSameFields(struct: string, table: Record<string, FieldSpec>, skip: string[] = []) {
  const wgsl = wgslFields(struct);
  const named = [...wgsl].filter(([n]) => !n.startsWith('pad') && !skip.includes(n));
  expect(Object.keys(table).sort(), `${struct} field names`).toEqual(named.map(([n]) => n).sort());
  for (const [name, spec] of named) {
    expect({ word: table[name].word, type: table[name].type, count: table[name].count ?? 1 }, `${struct}.${name}`).toEqual(spec);
  }
}

describe('WGSL structs against the field tables of src/engine/gpuLayout.ts', () => {
  it('Live: LIVE_FIELDS gives every member its WGSL word and type; LIVE_BYTES is the struct size', () => {
    expectSameFields('Live', LIVE_FIELDS);
    expect(sizeAlign('Live').size).toBe(LIVE_BYTES);
    expect(LIVE_FIELDS.sigmas.count).toBe(MAX_MODELS);
  });

  it('Net and LayerInfo: NET_FIELDS, NET_LAYERS_WORD, LAYER_FIELDS, LAYER_WORDS, NET_BYTES', () => {
    expectSameFields('Net', NET_FIELDS, ['layers']);
    expectSameFields('LayerInfo', LAYER_FIELDS);
    expect(wgslFields('Net').get('layers')!.word).toBe(NET_LAYERS_WORD);
    expect(sizeAlign('LayerInfo').size).toBe(4 * LAYER_WORDS);
    expect(sizeAlign('Net').size).toBe(NET_BYTES);
  });

  it('LayerSel and Stage fit the dynamic-offset bindings (SEL_BYTES, STAGE_BYTES)', () => {
    expect(sizeAlign('LayerSel').size).toBe(SEL_BYTES);
    expect(sizeAlign('Stage').size).toBe(STAGE_BYTES);
  });

  it('the metrics record: RECORD_WORDS and every RECORD_<FIELD> word of stepRecord.wgsl equal RECORD_FIELDS', () => {
    const rec = wgslConsts(SOURCES.stepRecord);
    expect(rec.get('RECORD_WORDS')).toBe(RECORD_WORDS);
    const words = [...rec].filter(([n]) => n !== 'RECORD_WORDS' && n.startsWith('RECORD_'));
    const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    expect(words.map(([n]) => n).sort()).toEqual(Object.keys(RECORD_FIELDS).map((k) => `RECORD_${snake(k)}`).sort());
    for (const [name, spec] of Object.entries(RECORD_FIELDS)) expect(rec.get(`RECORD_${snake(name)}`), name).toBe(spec.word);
    // every record word is written: the fields, then zeros up to RECORD_WORDS (no stale slot)
    expect(SOURCES.stepRecord).toMatch(/for \(var w = RECORD_SIGMA \+ 1u; w < RECORD_WORDS; w\+\+\) \{ records\[o \+ w\] = 0u; \}/);
    expect(Math.max(...Object.values(RECORD_FIELDS).map((f) => f.word))).toBe(RECORD_FIELDS.sigma.word);
  });
});

describe('WGSL constants against their TS twins', () => {
  it('MAX_LAYERS, MAX_INPUT, MAX_MODELS, NO_OFFSET, T_BINS, T_CLIP (common.wgsl)', () => {
    const c = wgslConsts(SOURCES.common);
    expect(c.get('MAX_LAYERS')).toBe(MAX_LAYERS);
    expect(c.get('MAX_INPUT')).toBe(MAX_INPUT);
    expect(c.get('MAX_MODELS')).toBe(MAX_MODELS);
    expect(c.get('NO_OFFSET')).toBe(NO_OFFSET);
    expect(c.get('T_BINS')).toBe(T_BINS);
    expect(c.get('T_CLIP')).toBe(T_CLIP);
    // the widest input the config allows is exactly MAX_INPUT; the deepest net has MAX_LAYERS − 1 hidden layers at most
    expect(mlpLayout({ width: 16, depth: 1, activation: 'silu', fourier: RUN_CONFIG_FIELDS.fourier.max }).inputDim).toBe(MAX_INPUT);
    expect(RUN_CONFIG_FIELDS.depth.max + 1).toBeLessThanOrEqual(MAX_LAYERS);
  });

  it('the random streams STREAM_* of rng.wgsl equal src/math/rng.ts Stream', () => {
    const c = wgslConsts(SOURCES.rng);
    const streams = [...c].filter(([n]) => n.startsWith('STREAM_'));
    expect(streams.length).toBeGreaterThan(0);
    for (const [name, value] of streams) {
      const key = name.slice(7).toLowerCase().replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase()) as keyof typeof Stream;
      expect(Stream[key], name).toBe(value);
    }
  });

  it('every override a kernel declares is set from KERNEL_CONSTANTS, and its WGSL default is that TS value', () => {
    for (const kernel of Object.keys(KERNEL_CONSTANTS) as KernelName[]) {
      const overrides = wgslConsts(kernelCode(SOURCES, kernel), 'override');
      const ts = KERNEL_CONSTANTS[kernel];
      expect([...overrides.keys()].sort(), `${kernel} overrides`).toEqual(Object.keys(ts).sort());
      // stepLoop reuses layer0.wgsl's ROWS/WG with its own (larger) one-workgroup sizes
      if (kernel === 'stepLoop') continue;
      for (const [name, value] of overrides) expect(value, `${kernel} ${name} default`).toBe(ts[name]);
    }
  });

  it('each kernel binds in group 1 exactly the storage buffers KERNEL_BINDINGS lists, with the same access', () => {
    for (const kernel of Object.keys(KERNEL_BINDINGS) as (keyof typeof KERNEL_BINDINGS)[]) {
      const code = kernelCode(SOURCES, kernel);
      const got = [...code.matchAll(/@group\(1\) @binding\((\d+)\) var<storage, (read|read_write)>/g)]
        .map((m) => [Number(m[1]), m[2] === 'read' ? 'read' : 'rw'] as const).sort((a, b) => a[0] - b[0]);
      expect(got.map(([b]) => b), kernel).toEqual(KERNEL_BINDINGS[kernel].map((_, i) => i));
      expect(got.map(([, a]) => a), kernel).toEqual([...KERNEL_BINDINGS[kernel]]);
    }
  });

  it('no kernel binds more than 10 storage buffers: Chrome offers 10 per stage on common GPUs, so the loop path can run there', () => {
    const most = Math.max(...Object.values(KERNEL_BINDINGS).map((b) => b.length));
    expect(most).toBeLessThanOrEqual(10);
    expect(KERNEL_BINDINGS.stepLoop.length).toBe(most);
  });

  it('every file of shaders/ is a library or a kernel of gpuShaders.ts, and every library is used', () => {
    const files = readdirSync(new URL('shaders/', ROOT)).filter((f) => f.endsWith('.wgsl')).map((f) => f.slice(0, -5)).sort();
    expect(files).toEqual([...SHADER_NAMES].sort());
    const used = new Set([...Object.keys(KERNEL_LIBRARIES), ...Object.values(KERNEL_LIBRARIES).flat()]);
    expect(SHADER_NAMES.filter((n) => !used.has(n))).toEqual([]);
  });
});

/** Functions a file defines: `fn f(` in WGSL; `function f`, `const f =`, or a method `f(…) {` in TS. */
function definesFunction(path: string, name: string): boolean {
  const text = readFileSync(new URL(path, ROOT), 'utf8');
  if (path.endsWith('.wgsl')) return new RegExp(`\\bfn ${name}\\(`).test(text);
  return new RegExp(`(function\\*?\\s+${name}\\b|(const|let)\\s+${name}\\s*=|^\\s*(static\\s+|async\\s+|private\\s+)*${name}\\s*\\([^)]*\\)[^=;]*\\{)`, 'm').test(text);
}

const exists = (path: string) => { try { readFileSync(new URL(path, ROOT)); return true; } catch { return false; } };

/** Twin notes: a path in a comment, then the `name()` tokens up to the next path on the same line. */
function twinNotes(file: string): { line: number; path: string; fns: string[] }[] {
  const notes: { line: number; path: string; fns: string[] }[] = [];
  readFileSync(new URL(file, ROOT), 'utf8').split('\n').forEach((text, i) => {
    const comment = text.match(/(\/\/|^\s*\/?\*\*?)(.*)$/)?.[2];
    if (!comment) return;
    const parts = comment.split(/((?:src\/[\w/]+\.ts)|(?:shaders\/\w+\.wgsl))/);
    for (let p = 1; p < parts.length; p += 2) {
      const fns = [...parts[p + 1].matchAll(/\b([a-zA-Z_]\w*)\(\)/g)].map((m) => m[1]);
      notes.push({ line: i + 1, path: parts[p], fns });
    }
  });
  return notes;
}

describe('twin notes', () => {
  const mathFiles = readdirSync(new URL('src/math/', ROOT)).filter((f) => f.endsWith('.ts')).map((f) => `src/math/${f}`);
  const shaderFiles = SHADER_NAMES.map((n) => `shaders/${n}.wgsl`);

  it('every shaders/… named in src/math and every src/….ts named in shaders/ exists, with each function named after it', () => {
    const broken: string[] = [];
    for (const file of [...mathFiles, ...shaderFiles]) {
      for (const note of twinNotes(file)) {
        if (!exists(note.path)) { broken.push(`${file}:${note.line} names ${note.path}: no such file`); continue; }
        for (const fn of note.fns) if (!definesFunction(note.path, fn)) broken.push(`${file}:${note.line} names ${note.path} ${fn}(): not defined there`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every src/math file that names a shader names at least one of its functions', () => {
    const bare = mathFiles.filter((file) => {
      const notes = twinNotes(file).filter((n) => n.path.startsWith('shaders/'));
      return notes.length > 0 && notes.every((n) => n.fns.length === 0);
    });
    expect(bare).toEqual([]);
  });
});
