// Everything a person reads on the page comes from the catalogues (docs/i18n.md): no .tsx file under
// src/ may render a string with letters in it, as JSX text, as a string or template literal inside
// JSX, or in an attribute a reader or a screen reader meets (aria-label, title, placeholder, alt, …).
// Names that are the same in every language (flowvar, PyTorch, CSV) and math symbols are allowed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** Attributes whose text reaches the reader or the screen reader. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);

/** Words that read the same in every language: names and math notation (x₀, σ, t, W2). */
const SAME_EVERYWHERE = /^(flowvar|PyTorch|WebGPU|CSV|JSON|JSONL|PNG|SVG|ODE|MLP|ReLU|SiLU|GELU|tanh|Adam|[a-zA-Zσθεμφ][₀₁ₜ_0-9]{0,2}|x_t)$/u;

/** True when some word of the text has letters and is not the same in every language. */
function readable(text: string): boolean {
  return text.split(/[\s·×→←–—,;:()[\]/=+<>±|]+/u).some((w) => /\p{L}/u.test(w) && !SAME_EVERYWHERE.test(w));
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/** The literal strings a .tsx file shows, with their line numbers. */
export function shownLiterals(source: string): { line: number; text: string }[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['jsx', 'typescript'] }) as unknown as Node;
  const found: { line: number; text: string }[] = [];
  const report = (node: Node, text: string) => {
    if (readable(text)) found.push({ line: node.loc?.start.line ?? 0, text: text.replace(/\s+/g, ' ').trim().slice(0, 60) });
  };
  /** String and template literals an expression can evaluate to (a ? 'x' : 'y', 'a' + b, x ?? 'y', `…`). */
  const literalsIn = (e: Node): void => {
    switch (e.type) {
      case 'StringLiteral': return report(e, e.value as string);
      case 'TemplateLiteral': return report(e, (e.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' '));
      case 'ConditionalExpression': literalsIn(e.consequent as Node); return literalsIn(e.alternate as Node);
      case 'LogicalExpression': literalsIn(e.left as Node); return literalsIn(e.right as Node);
      case 'BinaryExpression': if (e.operator === '+') { literalsIn(e.left as Node); literalsIn(e.right as Node); } return;
      case 'TSAsExpression': case 'ParenthesizedExpression': return literalsIn(e.expression as Node);
      default: return;
    }
  };
  const visit = (node: Node, parent: Node | null): void => {
    if (node.type === 'JSXText') report(node, node.value as string);
    else if (node.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') literalsIn(node.expression as Node);
    else if (node.type === 'JSXAttribute' && node.value && VISIBLE_ATTRIBUTES.has(String((node.name as Node).name))) {
      const value = node.value as Node;
      if (value.type === 'StringLiteral') report(value, value.value as string);
      else if (value.type === 'JSXExpressionContainer') literalsIn(value.expression as Node);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      if (Array.isArray(child)) child.forEach((c) => { if (isNode(c)) visit(c, node); });
      else if (isNode(child)) visit(child, node);
    }
  };
  visit(ast, null);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsxFiles(p) : f.endsWith('.tsx') ? [p] : [];
  });
}

describe('no user-visible string literal in .tsx files', () => {
  it('the check finds text, literals in JSX and visible attributes, and lets markup and symbols through', () => {
    const found = shownLiterals(`const A = () => <div className="x" data-testid="y" title="Open the file" aria-label={open ? 'Close' : 'Open'}>
      Hello {'world'} {\`step \${n}\`} σ {n} x₀ → x₁ · ×<b>flowvar</b></div>;`);
    expect(found.map((f) => f.text)).toEqual(['Open the file', 'Close', 'Open', 'Hello', 'world', 'step']);
  });

  it('every .tsx file under src/ takes its text from the catalogues', () => {
    const offenders = tsxFiles(SRC).flatMap((file) => shownLiterals(readFileSync(file, 'utf8'))
      .map((f) => `${file.slice(SRC.length + 1)}:${f.line} ${JSON.stringify(f.text)}`));
    expect(offenders).toEqual([]);
  });
});
