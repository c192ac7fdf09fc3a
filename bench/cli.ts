// `npm run bench`: flags → browser or Node runner → table (or JSON) on stdout, progress on stderr.
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './args';
import { renderReport } from './table';
import type { BenchReport } from './types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const progress = (line: string): void => { process.stderr.write(`  ${line}\n`); };
  let report: BenchReport;
  try {
    if (args.mode === 'node') {
      const { runNode } = await import('./nodeMain');
      report = await runNode(args, ROOT, progress);
    } else {
      const { runBrowser } = await import('./browserMain');
      report = await runBrowser(args, ROOT, progress);
    }
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${renderReport(report)}\n`);
  return 0;
}
