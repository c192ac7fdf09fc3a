// The threads of the WebAssembly CPU engine share one control block and this code: the calling
// thread publishes a job (a step's slices), every thread (the caller included) claims slices with
// a compare-and-swap until none is left, and the caller waits until all are done. Written once for
// Node worker threads (src/node/wasmThread.mjs) and the browser's nested workers
// (src/engine/wasm/sliceWorker.ts); plain JS so a Node worker thread loads it without tsx.
// Which thread runs which slice never changes the numbers: each slice writes only its own rows and
// gradient, and the reduction order is fixed by the batch size (src/engine/wasm/wasmMlp.ts).
//
// Control words (Int32 over a SharedArrayBuffer of CONTROL_BYTES):
//   CLAIM = job (7 bits) << 24 | slice count << 12 | next slice index, or STOP (-1)
//   DONE  = slices finished; KIND (0 train, 1 dot), PLAN, SCRATCH, STRIDE, GT: the job's arguments
//   MODEL = which model's instance runs the job (a pool of helpers shared by several models)

const CLAIM = 0, DONE = 1, KIND = 2, PLAN = 3, SCRATCH = 4, STRIDE = 5, GT = 6, MODEL = 7;
const STOP = -1;
/** Bytes of the control block (7 words, padded to 8). */
export const CONTROL_BYTES = 8 * 4;

/** Runs slice `index` of the job described by the control words. */
function runSlice(ctrl, ex, index) {
  // the job's words were written before CLAIM was published and stay until this slice is done
  if (ctrl[KIND] === 0) ex.trainSlice(ctrl[PLAN], index);
  else ex.dotSlice(ctrl[PLAN], index, ctrl[SCRATCH] + index * ctrl[STRIDE], ctrl[GT]);
}

/** Claims one slice of the job in `word`: its index, or -1 when the word moved (another claim, a new job). */
function claim(ctrl, word) {
  return Atomics.compareExchange(ctrl, CLAIM, word, word + 1) === word ? word & 0xfff : -1;
}

/**
 * The caller's side: publishes `job` (a SliceJob of wasmMlp.ts) as job number `id` (0…127),
 * runs slices itself until none is left (with no helper up yet it runs them all), then waits
 * until every slice is done.
 */
export function runJob(ctrl, ex, job, id, model = 0) {
  ctrl[MODEL] = model;
  ctrl[KIND] = job.kind === 'train' ? 0 : 1;
  ctrl[PLAN] = job.plan;
  if (job.kind === 'dot') { ctrl[SCRATCH] = job.scratch; ctrl[STRIDE] = job.scratchStride; ctrl[GT] = job.gt; }
  Atomics.store(ctrl, DONE, 0);
  Atomics.store(ctrl, CLAIM, ((id & 0x7f) << 24) | (job.slices << 12));
  Atomics.notify(ctrl, CLAIM);
  for (;;) {
    const word = Atomics.load(ctrl, CLAIM);
    if ((word & 0xfff) >= job.slices) break;
    const index = claim(ctrl, word);
    if (index < 0) continue;
    runSlice(ctrl, ex, index);
    Atomics.add(ctrl, DONE, 1);
  }
  for (let done = Atomics.load(ctrl, DONE); done < job.slices; done = Atomics.load(ctrl, DONE)) Atomics.wait(ctrl, DONE, done);
}

/**
 * A helper thread's whole life: sleeps until a job is published, claims its slices, until
 * stopHelpers(). `ex`: the one model's exports, or a function from the job's MODEL word to the
 * exports of that model (a pool's helper; the job's words are read only after its claim).
 */
export function helperLoop(ctrl, ex) {
  for (;;) {
    const word = Atomics.load(ctrl, CLAIM);
    if (word === STOP) return;
    const index = word & 0xfff, count = (word >>> 12) & 0xfff;
    if (index >= count) { Atomics.wait(ctrl, CLAIM, word); continue; }
    if (claim(ctrl, word) < 0) continue;
    runSlice(ctrl, typeof ex === 'function' ? ex(ctrl[MODEL]) : ex, index);
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
  }
}

/** Tells every helper on this control block to return from helperLoop(). */
export function stopHelpers(ctrl) {
  Atomics.store(ctrl, CLAIM, STOP);
  Atomics.notify(ctrl, CLAIM);
}
