// Dawn's window-system probe prints "error: XDG_RUNTIME_DIR is invalid or not set" (twice) when the
// variable is missing, although a compute device needs no display. Kept apart from dawn.ts so the
// bench, which loads Dawn itself, can call it without importing webgpu statically.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private 0700 XDG_RUNTIME_DIR when none is set (Dawn's window-system probe wants one). */
export function ensureRuntimeDir(): void {
  const runtime = process.env.XDG_RUNTIME_DIR;
  if (!runtime || !existsSync(runtime)) {
    const own = join(tmpdir(), `flowvar-runtime-${process.getuid?.() ?? 'user'}`);
    mkdirSync(own, { recursive: true, mode: 0o700 });
    process.env.XDG_RUNTIME_DIR = own;
  }
}
