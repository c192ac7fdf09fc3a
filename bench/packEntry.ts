// Entry of the bench pack (`npm run bench:pack`, scripts/benchPack.mjs): Node mode only, with the
// GPU engine and the shader texts bundled in (no tsx, no repository, no npm), and the report
// printed twice on stdout: the table, then its JSON after a line "--- json ---".
import { parseArgs, USAGE } from './args';
import { runNode } from './nodeMain';
import { renderReport } from './table';
import { GpuTrainer } from '../src/engine/gpuTrainer';
import { SHADER_SOURCES } from '../src/engine/shaderSources';

/** The line between the table and the JSON (the pack test splits on it). */
export const JSON_MARKER = '--- json ---';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(['--node', ...argv.filter((a) => a !== '--node')]);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n(bench pack: always --node; prints the table and then its JSON)\n`);
    return 0;
  }
  const progress = (line: string): void => { process.stderr.write(`  ${line}\n`); };
  try {
    const engine = { create: GpuTrainer.create.bind(GpuTrainer) as never, sources: SHADER_SOURCES };
    const report = await runNode(args, '.', progress, () => Promise.resolve(engine));
    report.runtime = `${report.runtime}, bench pack`;
    process.stdout.write(`\n${renderReport(report)}\n\n${JSON_MARKER}\n${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
// exit explicitly: a Dawn device can keep the event loop alive
main(process.argv.slice(2)).then((code) => process.exit(code), (err: unknown) => { process.stderr.write(`bench: ${String(err)}\n`); process.exit(1); });
