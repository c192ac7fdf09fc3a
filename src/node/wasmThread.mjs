// One Node worker thread of the WebAssembly CPU engine (src/node/wasmKernel.ts): instantiates
// mlpShared.wasm on the shared memory and claims slices until told to stop (sliceThreads.mjs).
// Plain JS: worker threads do not inherit tsx's loader.
import { workerData } from 'node:worker_threads';
import { helperLoop } from '../engine/wasm/sliceThreads.mjs';

const { module, memory, control } = workerData;
helperLoop(new Int32Array(control), new WebAssembly.Instance(module, { env: { memory } }).exports);
