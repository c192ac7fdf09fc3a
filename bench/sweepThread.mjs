// Worker-thread entry of bench/sweepBench.ts: worker threads do not inherit tsx's loader, so this
// plain-JS file registers it, then runs bench/sweepThread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./sweepThread.ts');
