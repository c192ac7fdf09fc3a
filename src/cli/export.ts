// `flowvar export "<link>" [--out FILE]`: the link's run as one PyTorch script (src/export/flowvar_run.py,
// docs/cli.md). Without --out the script goes to stdout; corrections go to stderr.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliFailure, UsageError, type Io } from './common';
import { pytorchScript, SCRIPT_NAME } from '../export/pytorchScript';
import { loadScriptTemplate } from '../node/scriptTemplate';

export const EXPORT_USAGE = `Usage:
  flowvar export "<query string>" [--out FILE]

Writes the link's run as one Python file (Python >= 3.9, torch >= 1.13, numpy) that rebuilds it in
PyTorch: the same pairs, weights, batches, Adam and metrics, and JSON Lines with the keys of
flowvar run --json. Then: python ${SCRIPT_NAME}, torchrun --nproc_per_node=N ${SCRIPT_NAME}, or
python ${SCRIPT_NAME} --help (--dim, --data, --sigmas, --seeds, --save, --resume, --device cuda).
  --out FILE   write the script there (default: stdout)
Exit codes: 0 done, 1 the file could not be written, 2 bad command line.`;

export async function runExportCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  if (parsed.values.help) { io.out(EXPORT_USAGE); return 0; }
  if (parsed.positionals.length > 1) throw new UsageError('give one query string (quote it: "seed=3&sigma=0.1")');
  const script = pytorchScript(loadScriptTemplate(), parsed.positionals[0] ?? '');
  for (const c of script.corrections) io.err(`correction: ${c}`);
  const out = parsed.values.out;
  if (out === undefined) { io.out(script.text.replace(/\n$/, '')); return 0; }
  try {
    writeFileSync(out, script.text);
  } catch (e) {
    throw new CliFailure(`cannot write ${out}: ${(e as Error).message.split('\n')[0]}`);
  }
  io.err(`# wrote ${out}: python ${out} (or torchrun --nproc_per_node=N ${out}) runs ${script.link}`);
  return 0;
}
