// The build id (src/format/version.ts): a hash of everything the page is built from (src/, shaders/,
// public/, index.html, package.json and its lock), so two builds of the same sources share an id
// and any change gives a new one. FLOWVAR_BUILD_ID overrides it (a release can use its tag).
// Build time only (vite.config.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['src', 'shaders', 'public', 'index.html', 'package.json', 'package-lock.json'];

function files(path: string): string[] {
  let stat;
  try { stat = statSync(path); } catch { return []; }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

export function buildId(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.FLOWVAR_BUILD_ID) return env.FLOWVAR_BUILD_ID;
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 10);
}
