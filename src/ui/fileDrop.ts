// One listener for files dropped anywhere on the page: the file's first bytes say what it is
// (a weights file, a JSON Lines results file, or points) and the handler registered for that kind
// reads it. Other drops (text, links) keep the browser's default.
import { useEffect, useRef } from 'react';

export type DropKind = 'weights' | 'results' | 'points';

/** Bytes read to tell the kinds apart (a weights file can be tens of MB). */
const SNIFF_BYTES = 64 * 1024;

/** What a file is, from its first bytes: a flowvar weights file, JSON Lines rows (one object per line), or points. */
export function dropKind(head: string): DropKind {
  if (/"format"\s*:\s*"flowvar-weights"/.test(head)) return 'weights';
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (/^\s*\{/.test(first)) {
    try {
      const row = JSON.parse(first) as unknown;
      if (row !== null && typeof row === 'object' && !Array.isArray(row) && !('points' in row)) return 'results';
    } catch { /* a JSON document over several lines: points */ }
  }
  return 'points';
}

const handlers = new Map<DropKind, (file: File) => void>();

/** Registers the reader of one kind of dropped file while the calling component is mounted. */
export function useDropHandler(kind: DropKind, handler: (file: File) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const h = (file: File) => ref.current(file);
    handlers.set(kind, h);
    return () => { if (handlers.get(kind) === h) handlers.delete(kind); };
  }, [kind]);
}

/** Installs the page's drop listener (once, from the app); returns its removal. */
export function installFileDrop(): () => void {
  const hasFile = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const over = (e: DragEvent) => { if (hasFile(e)) e.preventDefault(); };
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    file.slice(0, SNIFF_BYTES).text().then(
      (head) => handlers.get(dropKind(head))?.(file),
      () => handlers.get('points')?.(file), // unreadable: the points reader says so
    );
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => { window.removeEventListener('dragover', over); window.removeEventListener('drop', drop); };
}
