// One Node worker thread of the WebAssembly CPU engine's shared pool (src/node/wasmKernel.ts,
// pooledKernel in src/engine/wasm/threadKernel.ts): instantiates mlpShared.wasm on each model's
// memory as the model arrives, and claims slices of whichever model's job is published
// (sliceThreads.mjs). A model's message is read synchronously when its first job comes: the main
// thread posts it before it publishes any job of that model. Plain JS: worker threads do not
// inherit tsx's loader.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { helperLoop } from '../engine/wasm/sliceThreads.mjs';

const { module, control } = workerData;
const instances = new Map();

function take({ model, memory }) {
  if (memory) instances.set(model, new WebAssembly.Instance(module, { env: { memory } }).exports);
  else instances.delete(model);
}

/** The exports of `model`, reading the models posted so far (joins and leaves, in order) when it is new. */
function exportsOf(model) {
  for (let msg; !instances.has(model) && (msg = receiveMessageOnPort(parentPort)); ) take(msg.message);
  return instances.get(model);
}

helperLoop(new Int32Array(control), exportsOf);
