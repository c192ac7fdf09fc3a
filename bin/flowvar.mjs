#!/usr/bin/env node
// flowvar CLI (docs/cli.md). In a checkout it runs the TypeScript sources through tsx, so an edit
// needs no build step; an installed package has no sources and runs the bundle that
// scripts/buildCli.mjs wrote (`npm pack` builds it), which starts in about a third of the time.
import { existsSync } from 'node:fs';

// `flowvar … | head` closes stdout early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
const sources = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import('../dist-cli/node/flowvar.mjs'));
}
const code = await main(process.argv.slice(2));
// exit explicitly: a GPU device (Dawn) can keep the event loop alive after the run
process.exit(code);
