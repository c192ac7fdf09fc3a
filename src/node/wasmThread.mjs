// One Node worker thread of the WebAssembly CPU engine (src/node/wasmKernel.ts): instantiates
// mlpShared.wasm on the shared memory and claims slices of the current job until told to stop.
// Plain JS: worker threads do not inherit tsx's loader. The control words are documented in
// wasmKernel.ts (CONTROL); a claim is a compare-and-swap on one word holding job, count and index.
import { workerData } from 'node:worker_threads';

const { module, memory, control } = workerData;
const ctrl = new Int32Array(control);
const [CLAIM, DONE, KIND, PLAN, SCRATCH, STRIDE, GT] = [0, 1, 2, 3, 4, 5, 6];
const STOP = -1;
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;

for (;;) {
  const word = Atomics.load(ctrl, CLAIM);
  if (word === STOP) break;
  const index = word & 0xfff, count = (word >>> 12) & 0xfff;
  if (index >= count) { Atomics.wait(ctrl, CLAIM, word); continue; }
  if (Atomics.compareExchange(ctrl, CLAIM, word, word + 1) !== word) continue;
  // the job's words were written before CLAIM was published and stay until this slice is done
  if (ctrl[KIND] === 0) ex.trainSlice(ctrl[PLAN], index);
  else ex.dotSlice(ctrl[PLAN], index, ctrl[SCRATCH] + index * ctrl[STRIDE], ctrl[GT]);
  Atomics.add(ctrl, DONE, 1);
  Atomics.notify(ctrl, DONE);
}
