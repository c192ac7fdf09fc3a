// Types of sliceThreads.mjs (plain JS: Node worker threads load it without tsx).
import type { MlpExports, SliceJob } from './wasmMlp';

/** Bytes of the control block the threads of one kernel instance share. */
export const CONTROL_BYTES: number;
/** The caller's side of one job: publish, claim slices, wait until all are done. */
export function runJob(ctrl: Int32Array, ex: MlpExports, job: SliceJob, id: number, model?: number): void;
/** A helper thread's loop: claims slices of each published job until stopHelpers(); a pool's helper passes the exports of each model by number. */
export function helperLoop(ctrl: Int32Array, ex: MlpExports | ((model: number) => MlpExports)): void;
/** Ends every helperLoop() on `ctrl`. */
export function stopHelpers(ctrl: Int32Array): void;
