// Test seams into a GpuTrainer: read one of its storage buffers, or fill buffers with a NaN
// pattern so that data a kernel should write but does not shows up in the results. They reach the
// trainer's run through bracket access to its protected and private fields, so the shipped engine
// carries no test-only methods.
import { readBuffer, TRAIN_BUFFER_NAMES, type TrainBufferName } from '../../src/engine/gpuBuffers';
import type { GpuTrainer } from '../../src/engine/gpuTrainer';

/** The buffers a step writes afresh: all but θ, Adam's moments, the pairs and the step state. */
const WORK_BUFFER_NAMES: readonly TrainBufferName[] = TRAIN_BUFFER_NAMES.filter((n) => !['theta', 'moments', 'pairs', 'state'].includes(n));

/** A quiet NaN whose payload is easy to spot in a dump. */
const NAN_WORD = 0x7fc00bad;

function fill(device: GPUDevice, buffers: readonly GPUBuffer[], word: number): void {
  for (const b of buffers) device.queue.writeBuffer(b, 0, new Uint32Array(b.size / 4).fill(word));
}

/** The bytes of one of the run's storage buffers. */
export function inspect(trainer: GpuTrainer, name: TrainBufferName): Promise<ArrayBuffer> {
  const run = trainer['run'];
  return readBuffer(run['device'], run['buffers'][name]);
}

/** Fills the named buffers (default: every work buffer) with `word`. */
export function poison(trainer: GpuTrainer, names: readonly TrainBufferName[] = WORK_BUFFER_NAMES, word = NAN_WORD): void {
  const run = trainer['run'];
  fill(run['device'], names.map((n) => run['buffers'][n]), word);
}

/** Fills the integration buffers of the last integrate() (activations, ODE state, paths) with `word`. */
export function poisonIntegration(trainer: GpuTrainer, word = NAN_WORD): void {
  const integrator = trainer['run']['integrator'];
  const chunk = integrator['chunk'];
  if (chunk) fill(integrator['device'], [chunk.acts, chunk.ode, chunk.path], word);
}
