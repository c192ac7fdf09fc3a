// The exported PyTorch script's template (src/export/flowvar_run.py) read with fs, for the CLI and
// tests; the page imports it with ?raw (src/export/templateBrowser.ts).
import { readFileSync } from 'node:fs';

export function loadScriptTemplate(): string {
  return readFileSync(new URL('../export/flowvar_run.py', import.meta.url), 'utf8');
}
