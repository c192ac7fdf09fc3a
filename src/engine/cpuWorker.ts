// Web Worker entry of the CPU engine: runs CpuTrainer (src/math/ in plain TS) off the page's
// thread. Speaks the protocol of src/engine/workerTrainer.ts; failures become 'error' replies.
import { CpuTrainer } from './cpuTrainer';
import type { FromWorker, ToWorker } from './workerTrainer';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let trainer: CpuTrainer | null = null;

function need(): CpuTrainer {
  if (!trainer) throw new Error('CPU worker: no trainer yet (init first)');
  return trainer;
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'init':
      trainer = new CpuTrainer(msg.config);
      scope.postMessage({ type: 'ready', deviceName: 'CPU (JavaScript, Web Worker)' });
      return;
    case 'step':
      scope.postMessage({ type: 'snapshot', id: msg.id, snapshot: need().stepSync(msg.n) });
      return;
    case 'setLive':
      need().setLive(msg.settings);
      return;
    case 'evaluate': {
      const evaluation = need().evaluateSync();
      scope.postMessage({ type: 'evaluation', id: msg.id, evaluation },
        [evaluation.trainPaths.path.buffer, evaluation.freshPaths.path.buffer]);
      return;
    }
    case 'integrate': {
      const trajectories = need().integrateSync(msg.req);
      scope.postMessage({ type: 'trajectories', id: msg.id, trajectories }, [trajectories.path.buffer]);
      return;
    }
    case 'setPairs':
      need().setPairs(msg.pairs);
      return;
    case 'weights': {
      const theta = need().weightsSync();
      scope.postMessage({ type: 'weights', id: msg.id, theta }, [theta.buffer]);
      return;
    }
    case 'setWeights':
      need().setWeights(msg.theta, msg.step);
      return;
    case 'reset':
      need().reset();
      return;
    default: {
      const unknown: never = msg;
      console.warn('flowvar CPU worker: unknown message', unknown);
    }
  }
}

scope.onmessage = (ev) => {
  const msg = ev.data;
  try {
    handle(msg);
  } catch (err) {
    const id = 'id' in msg ? msg.id : null;
    scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};
