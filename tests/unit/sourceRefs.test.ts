// What the code cites, the repository holds: a comment (or a help text) that points at a document
// names one of docs/ or the README, with a heading that exists, and every repository path it
// names is a file. Design notes and issue threads outside the repository cannot be looked up by
// someone who clones it, so citing them fails (the design lives in docs/design.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingSlug, headingSlugs } from './markdown';

const ROOT = resolve(__dirname, '../..');
const SCANNED = ['src', 'tests', 'bench', 'scripts', 'shaders', 'bin', 'vite.config.ts', 'index.html'];
/** This file spells the outside documents it rejects. */
const SELF = relative(ROOT, __filename);

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((n) => (n === 'node_modules' || n === 'assembly' && path.endsWith('wasm') ? [] : walk(join(path, n))));
}

const FILES = SCANNED.flatMap((p) => walk(join(ROOT, p)))
  .filter((f) => /\.(tsx?|mjs|js|wgsl|py|html|sh)$/.test(f))
  .map((f) => relative(ROOT, f))
  .filter((f) => f !== SELF);

/** Citations of documents the repository does not hold: design notes, style guides, issue threads. */
const OUTSIDE: readonly { what: string; re: RegExp }[] = [
  { what: 'a spec section', re: new RegExp(`\\b${'SP'}EC\\b`) },
  { what: 'a style rule', re: new RegExp(`\\b${'STY'}LE rules? \\d`) },
  { what: 'a design note', re: new RegExp(`\\b${'DES'}IGN\\.md\\b`) },
  { what: 'an issue', re: /\b[Ii]ssue #?\d+/ },
  { what: 'a shared folder', re: /\.\.\/shared\/|\/work\// },
];

/** Repository paths a text names: `src/…/x.ts`, `docs/x.md#anchor`, `shaders/x.wgsl`. */
const PATH = /(?<![\w./-])((?:src|tests|bench|scripts|shaders|docs|bin|public)\/[\w./-]*\.(?:tsx?|mjs|json|js|wgsl|md|py|css|html|wasm))(?![\w.])(#[\w\p{L}-]+)?/gu;
/** `README "Heading"` or `README.md#anchor`. */
const README_REF = /README(?: "([^"]+)"|\.md#([\w-]+))/g;

/** What is wrong with one text's citations, as "line: why". */
export function badRefs(text: string, exists: (path: string) => boolean, anchors: (md: string) => string[]): string[] {
  const bad: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, re } of OUTSIDE) if (re.test(line)) bad.push(`${i + 1}: cites ${what} outside the repository`);
    for (const m of line.matchAll(PATH)) {
      const [, path, anchor] = m;
      if (/[*]/.test(path)) continue;
      if (!exists(path)) bad.push(`${i + 1}: ${path} does not exist`);
      else if (anchor && path.endsWith('.md') && !anchors(path).includes(anchor.slice(1))) bad.push(`${i + 1}: ${path} has no heading ${anchor}`);
    }
    for (const m of line.matchAll(README_REF)) {
      const slug = m[1] ? headingSlug(m[1]) : m[2];
      if (!anchors('README.md').includes(slug)) bad.push(`${i + 1}: README.md has no heading #${slug}`);
    }
  });
  return bad;
}

const exists = (p: string) => existsSync(join(ROOT, p));
const anchors = (md: string) => headingSlugs(join(ROOT, md));

describe('what the code cites', () => {
  it('badRefs() catches each kind of citation the repository cannot answer (the checker itself can fail)', () => {
    const text = [
      `// see ${'SP'}EC §3`,
      `// (${'STY'}LE rule 9)`,
      `// ${'DES'}IGN.md, src/engine/`,
      '// (issue 8, item 4)',
      '// docs/design.md#no-such-section',
      '// src/state/url.ts, the codec',
      '// README "No such heading"',
      '// fine: docs/design.md#sharing, src/link/url.ts, docs/math.md#interpolants-σ',
    ].join('\n');
    expect(badRefs(text, exists, anchors)).toEqual([
      '1: cites a spec section outside the repository',
      '2: cites a style rule outside the repository',
      '3: cites a design note outside the repository',
      '4: cites an issue outside the repository',
      '5: docs/design.md has no heading #no-such-section',
      '6: src/state/url.ts does not exist',
      '7: README.md has no heading #no-such-heading',
    ]);
  });

  it('every source file cites only documents, sections and files the repository holds', () => {
    expect(FILES.length).toBeGreaterThan(200);
    const bad = FILES.flatMap((f) => badRefs(readFileSync(join(ROOT, f), 'utf8'), exists, anchors).map((b) => `${f}:${b}`));
    expect(bad).toEqual([]);
  });
});
