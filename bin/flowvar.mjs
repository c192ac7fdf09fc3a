#!/usr/bin/env node
// flowvar CLI: runs the TypeScript sources through tsx (no build step). See docs/cli.md.
import { register } from 'tsx/esm/api';

register();
// `flowvar … | head` closes stdout early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// exit explicitly: a GPU device (Dawn) can keep the event loop alive after the run
process.exit(code);
