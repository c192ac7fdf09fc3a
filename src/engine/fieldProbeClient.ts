// The FieldProbe of the page: requests to a Web Worker (src/engine/fieldWorker.ts), one
// discriminated union per direction (docs/design.md#one-message-union-per-direction), replies paired by id.
import type { ConditionalVarianceGrid } from '../math/conditionalVariance';
import type { CrossingRequest, DistanceRequest, FieldProbe, QuiverField, QuiverRequest } from './fieldProbe';

export type ToFieldWorker =
  | { type: 'quiver'; id: number; req: QuiverRequest }
  | { type: 'distances'; id: number; req: DistanceRequest }
  | { type: 'crossing'; id: number; req: CrossingRequest };

export type FromFieldWorker =
  | { type: 'quiver'; id: number; field: QuiverField | null }
  | { type: 'distances'; id: number; distances: { ot: number; rotated: number } | null }
  | { type: 'crossing'; id: number; grid: ConditionalVarianceGrid }
  | { type: 'error'; id: number; message: string };

/** The part of the Worker API the client uses (a fake can stand in for tests). */
export interface FieldWorkerLike {
  postMessage(message: ToFieldWorker): void;
  onmessage: ((ev: MessageEvent<FromFieldWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

export function spawnFieldWorker(): FieldWorkerLike {
  return new Worker(new URL('./fieldWorker.ts', import.meta.url), { type: 'module', name: 'flowvar-field' }) as unknown as FieldWorkerLike;
}

type Reply = Exclude<FromFieldWorker, { type: 'error' }>;
type Kind = ToFieldWorker['type'];

export class WorkerFieldProbe implements FieldProbe {
  private nextId = 1;
  private readonly pending = new Map<number, { kind: Kind; resolve: (r: Reply) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: FieldWorkerLike = spawnFieldWorker()) {
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => this.failAll(ev.message || 'the field worker failed');
  }

  private receive(msg: FromFieldWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(msg.message));
    else if (msg.type !== p.kind) p.reject(new Error(`field worker: a ${msg.type} reply to a ${p.kind} request`));
    else p.resolve(msg);
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private request<K extends Kind>(kind: K, build: (id: number) => Extract<ToFieldWorker, { type: K }>): Promise<Extract<Reply, { type: K }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind, resolve: resolve as (r: Reply) => void, reject });
      this.worker.postMessage(build(id));
    });
  }

  async quiver(req: QuiverRequest): Promise<QuiverField | null> {
    return (await this.request('quiver', (id) => ({ type: 'quiver', id, req }))).field;
  }

  async distances(req: DistanceRequest): Promise<{ ot: number; rotated: number } | null> {
    return (await this.request('distances', (id) => ({ type: 'distances', id, req }))).distances;
  }

  async crossing(req: CrossingRequest): Promise<ConditionalVarianceGrid> {
    return (await this.request('crossing', (id) => ({ type: 'crossing', id, req }))).grid;
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll('field probe disposed');
  }
}
