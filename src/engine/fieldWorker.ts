// Web Worker entry of the field probes (src/engine/fieldProbe.ts): the quiver, the closed-form
// distances and the conditional-variance map off the page's thread. Speaks the protocol of
// src/engine/fieldProbeClient.ts; failures become 'error' replies.
import { localFieldProbe } from './fieldProbe';
import type { FromFieldWorker, ToFieldWorker } from './fieldProbeClient';

interface WorkerScope {
  postMessage(message: FromFieldWorker): void;
  onmessage: ((ev: MessageEvent<ToFieldWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const probe = localFieldProbe();

async function answer(msg: ToFieldWorker): Promise<FromFieldWorker> {
  switch (msg.type) {
    case 'quiver': return { type: 'quiver', id: msg.id, field: await probe.quiver(msg.req) };
    case 'distances': return { type: 'distances', id: msg.id, distances: await probe.distances(msg.req) };
    case 'crossing': return { type: 'crossing', id: msg.id, grid: await probe.crossing(msg.req) };
    default: {
      const unknown: never = msg;
      throw new Error(`field worker: unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

scope.onmessage = (ev) => {
  const msg = ev.data;
  answer(msg).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) }),
  );
};
