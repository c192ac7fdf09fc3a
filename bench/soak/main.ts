// `npm run soak [-- --minutes N] [--json FILE]`: builds the page into a folder of its own, serves
// it, and trains it in headless Chromium on the CPU worker for N minutes (default 10), switching
// the story's chapters (bench/soak/soak.ts). Prints one line per sample, then the checks; exit
// code 1 when one fails.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../chromium';
import { serveStatic } from '../staticServer';
import { judgeSoak, runSoak, soakOptions } from './soak';

const USAGE = `usage: npm run soak [-- flags]
  --minutes N   training time (default 10)
  --json FILE   also write every sample and the checks to FILE
  --help        this text`;

function parse(argv: string[]): { minutes: number; json: string | null } | string {
  let minutes = 10, json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help') return USAGE;
    if (a === '--minutes') {
      minutes = Number(argv[++i]);
      if (!(minutes > 0 && minutes <= 24 * 60)) return `--minutes takes a number of minutes in (0, 1440], not ${argv[i]}\n${USAGE}`;
    } else if (a === '--json') {
      json = argv[++i] ?? null;
      if (!json) return `--json takes a file name\n${USAGE}`;
    } else return `unknown flag ${a}\n${USAGE}`;
  }
  return { minutes, json };
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (typeof args === 'string') { console.error(args); return args === USAGE ? 0 : 2; }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // a folder of its own: an e2e run rebuilding dist/ meanwhile does not pull files from under the page
  const out = await mkdtemp(join(tmpdir(), 'flowvar-soak-dist-'));
  const profile = await mkdtemp(join(tmpdir(), 'flowvar-soak-'));
  console.error(`building the page into ${out}`);
  const { build } = await import('vite');
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const server = await serveStatic({ '/app/': out });
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: false, args: [...CHROMIUM_ARGS] });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.origin}/app/index.html?engine=cpu`, { waitUntil: 'load' });
    const options = { ...soakOptions(args.minutes), log: (line: string) => console.log(line) };
    console.log(`soak: ${args.minutes} min on the CPU worker, a chapter every ${options.chapterSeconds} s, a sample every ${options.sampleSeconds} s, chapters ${options.chapters.join(", ")} (the first round is the warm-up)`);
    const report = await runSoak(page, options);
    const checks = judgeSoak(report);
    for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(13)} ${c.detail}`);
    if (args.json) await writeFile(args.json, JSON.stringify({ ...report, options: { ...report.options, log: undefined }, checks }, null, 1));
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`soak failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
