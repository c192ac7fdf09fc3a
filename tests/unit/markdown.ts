// Reading the project's Markdown the way GitHub renders it: links outside code, heading anchors.
import { readFileSync } from 'node:fs';

/** The [text](target) links of a Markdown text, outside code blocks and code spans. */
export function markdownLinks(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings (outside code blocks). */
export function headingSlugs(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return text.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => headingSlug(l.replace(/^#+ /, '')));
}
