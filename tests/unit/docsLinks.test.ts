// The project's own documents: every relative link in README.md and docs/*.md points at a file of
// the repository (and, for a `#anchor` into a Markdown file, at one of its headings).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingSlug, headingSlugs, markdownLinks } from './markdown';

const ROOT = resolve(__dirname, '../..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function brokenLinks(file: string): string[] {
  const bad: string[] = [];
  for (const link of markdownLinks(readFileSync(join(ROOT, file), 'utf8'))) {
    if (/^[a-z]+:/i.test(link)) continue; // http:, https:, mailto:
    const [path, anchor] = link.split('#');
    const target = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
    if (!existsSync(target)) { bad.push(`${link} (no such file)`); continue; }
    if (anchor && target.endsWith('.md')) {
      if (!headingSlugs(target).includes(anchor)) bad.push(`${link} (no heading #${anchor})`);
    }
  }
  return bad;
}

describe('links in README.md and docs/', () => {
  it('the documents exist: the architecture and the math page', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/math.md']));
  });

  it('markdownLinks() skips code and headingSlug() follows GitHub (the checker itself can fail)', () => {
    expect(markdownLinks('see [a](x.md) and `[b](y.md)`\n```\n[c](z.md)\n```\n[d](w.md#top)')).toEqual(['x.md', 'w.md#top']);
    expect(headingSlug('Where to add something')).toBe('where-to-add-something');
    expect(headingSlug('Interpolants (σ)')).toBe('interpolants-σ');
  });

  for (const file of DOCS) {
    it(`every relative link in ${file} resolves`, () => {
      expect(markdownLinks(readFileSync(join(ROOT, file), 'utf8')).length).toBeGreaterThan(0);
      expect(brokenLinks(file)).toEqual([]);
    });
  }
});

describe('README.md is a front door', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const lines = readme.split('\n');

  it('stays at most 120 lines, with the picture, the paper, the license and the citation', () => {
    expect(lines.length).toBeLessThanOrEqual(120);
    expect(markdownLinks(readme)).toEqual(expect.arrayContaining(['docs/images/flowvar.png', 'https://arxiv.org/abs/2510.18118', 'LICENSE', 'CITATION.cff']));
  });

  it('gives each reader a way in on the first screen (50 lines): students, lecturers, researchers', () => {
    const firstScreen = lines.slice(0, 50).join('\n');
    for (const [reader, page] of [['Students', 'docs/math.md'], ['Lecturers', 'docs/classroom.md'], ['Researchers', 'docs/cli.md']]) {
      expect(firstScreen, reader).toContain(`**${reader}.**`);
      expect(markdownLinks(firstScreen), reader).toContain(page);
    }
  });

  it('CITATION.cff names flowvar at the version and license of package.json, and the paper with its arXiv id', () => {
    const cff = readFileSync(join(ROOT, 'CITATION.cff'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
    expect(cff).toMatch(/^title: "flowvar/m);
    expect(cff).toMatch(new RegExp(`^version: ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
    expect(cff).toMatch(new RegExp(`^license: ${pkg.license}$`, 'm'));
    expect(cff).toContain('arXiv:2510.18118');
    expect(cff).toContain('NeurIPS 2025');
  });
});

