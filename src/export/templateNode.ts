// The script template read with fs (Node: the CLI, tests); the page imports it with ?raw (templateBrowser.ts).
import { readFileSync } from 'node:fs';

export function loadScriptTemplate(): string {
  return readFileSync(new URL('./flowvar_run.py', import.meta.url), 'utf8');
}
