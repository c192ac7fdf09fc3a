// The WebAssembly kernel of the browser's CPU worker (src/engine/cpuWorker.ts) and of the bench
// page's worker: one thread on mlp.wasm, or, in a cross-origin-isolated page (COOP same-origin +
// COEP require-corp: shared memory is allowed), one thread per core (at most MAX_SLICES) on
// mlpShared.wasm with nested workers as helpers. A page that is not isolated (e.g. an iframe in a
// page that is not) runs one thread and says so in the label. The helpers start only while the
// calling worker is between tasks (e.g. between two 'step' messages); until then it runs every
// slice itself (same numbers), so a caller that loops in one task must yield (bench/suite.ts).
import { singleThreadKernel, type MlpKernel } from './mlpKernel';
import { threadedKernel } from './threadKernel';
import { MAX_SLICES } from './wasmMlp';
import mlpWasmUrl from './mlp.wasm?url';
import mlpSharedWasmUrl from './mlpShared.wasm?url';

/** What the worker knows about its page: isolation and cores. */
export interface ThreadScope {
  crossOriginIsolated?: boolean;
  navigator: { hardwareConcurrency?: number };
}

/**
 * Threads this scope can run (1 without isolation), its cores (at most MAX_SLICES), and why it runs
 * fewer. `share`: how many CPU workers train at once (a sweep's σ models, compare's two runs); each
 * gets its part of the cores, so an 8-core page running 4 σ starts 4 × 2 threads, not 4 × 8.
 */
export function browserThreads(scope: ThreadScope, share = 1): { threads: number; cores: number; limit: string | null } {
  const cores = Math.max(1, Math.min(MAX_SLICES, scope.navigator.hardwareConcurrency ?? 1));
  if (cores > 1 && !scope.crossOriginIsolated) return { threads: 1, cores, limit: 'not cross-origin isolated' };
  const threads = Math.max(1, Math.floor(cores / Math.max(1, share)));
  return { threads, cores, limit: threads < cores ? `cores shared by ${share} runs` : null };
}

async function compile(url: string): Promise<WebAssembly.Module> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  // compile from bytes, not compileStreaming: static hosts often serve .wasm with the wrong MIME type
  return WebAssembly.compile(await res.arrayBuffer());
}

/**
 * The kernel for `scope` (the calling worker's self), on its `share` of the cores. `threads` forces
 * a count (the bench); a count above 1 needs isolation. Rejects when the binary does not load.
 */
export async function browserMlpKernel(scope: ThreadScope, threads?: number, share = 1): Promise<MlpKernel> {
  const plan = browserThreads(scope, share);
  const n = threads ?? plan.threads;
  if (n > 1 && !scope.crossOriginIsolated) throw new Error(`${n} threads need a cross-origin-isolated page`);
  if (n <= 1) {
    const kernel = singleThreadKernel(await compile(mlpWasmUrl));
    return threads === undefined && plan.limit ? { ...kernel, label: `${kernel.label}, ${plan.limit}` } : kernel;
  }
  return threadedKernel(await compile(mlpSharedWasmUrl), n, (start) => {
    const w = new Worker(new URL('./sliceWorker.ts', import.meta.url), { type: 'module', name: 'flowvar-cpu-thread' });
    w.onerror = (e) => console.error('flowvar CPU thread failed:', e.message);
    w.postMessage(start);
    return w;
  });
}
