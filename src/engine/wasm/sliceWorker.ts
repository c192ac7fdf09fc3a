// One helper thread of the browser's multi-thread CPU engine: a worker nested in the CPU worker
// (src/engine/wasm/browserKernel.ts). Its first message carries mlpShared.wasm, the shared memory
// and the control block; it then claims slices until told to stop (sliceThreads.mjs). Atomics.wait
// is allowed here: a dedicated worker may block.
import type { HelperStart } from './threadKernel';
import type { MlpExports } from './wasmMlp';
import { helperLoop } from './sliceThreads.mjs';

self.onmessage = (ev: MessageEvent<HelperStart>) => {
  const { module, memory, control } = ev.data;
  self.onmessage = null;
  const ex = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as MlpExports;
  helperLoop(new Int32Array(control), ex);
};
