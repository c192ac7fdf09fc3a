// The field jobs (src/state/fieldJobs.ts) on the in-process probe: the quiver, the closed-form
// distances and the crossing map land in the store for the panel's plane, follow their inputs,
// and an answer to an older request never overwrites a newer one. Also the Worker protocol of the
// page's probe, over a fake worker that answers with the same functions.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { setPlaneDomain, setTScrub } from '../../src/state/actions';
import { setCrossingT, setOverlay } from '../../src/state/scienceActions';
import { FieldJobs } from '../../src/state/fieldJobs';
import { COMPARE_OFF } from '../../src/state/compareSlice';
import { CurveBuffer } from '../../src/state/curves';
import { localFieldProbe, quiverField, type FieldProbe, type QuiverRequest } from '../../src/engine/fieldProbe';
import { WorkerFieldProbe, type FieldWorkerLike, type FromFieldWorker, type ToFieldWorker } from '../../src/engine/fieldProbeClient';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { effectiveSigma, mlpShape, worldSpec } from '../../src/engine/world';
import { initParams } from '../../src/math/mlp';
import { makePairs } from '../../src/math/couplings';
import { conditionalVariance } from '../../src/math/conditionalVariance';

const TINY: RunConfig = { ...defaultConfig(), pairs: 32, width: 16, depth: 1 };
const PLANE = { x: [-3, 3], y: [-2.5, 2.5] } as const;

function readyStore(): AppStore {
  const store = createAppStore();
  store.setState({ config: TINY, pairs: makePairs(worldSpec(TINY), TINY.seed), weights: { theta: initParams(mlpShape(TINY), 1), step: 7 } });
  setPlaneDomain('flow', PLANE.x, PLANE.y, store);
  setPlaneDomain('crossing', PLANE.x, PLANE.y, store);
  return store;
}

describe('FieldJobs', () => {
  it('computes the quiver for the flow panel\'s plane at tScrub, and again when t changes', async () => {
    const store = readyStore();
    const jobs = new FieldJobs({ store, probe: localFieldProbe() });
    jobs.start();
    await jobs.idle();
    const theta = store.getState().weights!.theta;
    expect(store.getState().quiver!.vel).toEqual(quiverField(mlpShape(TINY), theta, [-3, 3], [-2.5, 2.5], 0.5, 20).vel);
    setTScrub(0.9, store);
    await jobs.idle();
    expect(store.getState().quiver!.vel).toEqual(quiverField(mlpShape(TINY), theta, [-3, 3], [-2.5, 2.5], 0.9, 20).vel);
    store.setState({ weights: { theta: new Float32Array(3), step: 8 } }); // an older network's weights
    await jobs.idle();
    expect(store.getState().quiver).toBeNull();
    jobs.stop();
  });

  it('computes each compare run\'s quiver with its own network over the compare plane; none with the layer off or compare off', async () => {
    const store = readyStore();
    const wide: RunConfig = { ...TINY, width: 24 };
    const runs = [TINY, wide].map((config, i) => ({ config, pairs: null, curves: new CurveBuffer(), evaluation: null, weights: initParams(mlpShape(config), 5 + i) }));
    store.setState({ compareState: { ...COMPARE_OFF, phase: 'ready', runs } });
    setPlaneDomain('compare', [-2, 2], [-1.5, 1.5], store);
    const jobs = new FieldJobs({ store, probe: localFieldProbe() });
    jobs.start();
    setTScrub(0.3, store);
    await jobs.idle();
    const got = store.getState().compareQuivers;
    expect(got).toHaveLength(2);
    runs.forEach((r, i) => expect(got[i]!.vel).toEqual(quiverField(mlpShape(r.config), r.weights, [-2, 2], [-1.5, 1.5], 0.3, 20).vel));
    expect(got[0]!.vel).not.toEqual(got[1]!.vel);
    store.setState((s) => ({ layers: { ...s.layers, quiver: false } }));
    await jobs.idle();
    expect(store.getState().compareQuivers).toEqual([]);
    store.setState((s) => ({ layers: { ...s.layers, quiver: true } }));
    await jobs.idle();
    expect(store.getState().compareQuivers).toHaveLength(2);
    store.setState({ compareState: COMPARE_OFF }); // compare off: the runs' inputs vanish
    await jobs.idle();
    expect(store.getState().compareQuivers).toEqual([]);
    jobs.stop();
  });

  it('computes the crossing map of the pairs over the crossing panel\'s plane, following crossing.t', async () => {
    const store = readyStore();
    const jobs = new FieldJobs({ store, probe: localFieldProbe() });
    jobs.start();
    setCrossingT(0.25, store);
    await jobs.idle();
    const s = store.getState();
    const expected = conditionalVariance(s.pairs!, { t: 0.25, kind: TINY.interpolant, sigma: effectiveSigma(TINY), seed: TINY.seed, grid: { xMin: -3, xMax: 3, yMin: -2.5, yMax: 2.5, size: s.crossing.gridSize } });
    expect(s.crossingMap!.t).toBe(0.25);
    expect(s.crossingMap!.variance).toEqual(expected.variance);
    jobs.stop();
  });

  it('measures the closed-form distances only while an overlay is shown, at the weights\' step; null for a non-Gaussian world', async () => {
    const store = readyStore();
    const jobs = new FieldJobs({ store, probe: localFieldProbe() });
    jobs.start();
    await jobs.idle();
    expect(store.getState().overlay.distance).toBeNull();
    setOverlay('both', store);
    await jobs.idle();
    const d = store.getState().overlay.distance!;
    expect(d.step).toBe(7);
    expect(d.ot).toBeGreaterThan(0);
    expect(d.rotated).toBeGreaterThan(0);
    store.setState({ config: { ...TINY, target: 'moons' } });
    await jobs.idle();
    expect(store.getState().overlay.distance).toBeNull();
    jobs.stop();
  });

  it('an answer to an older request never overwrites a newer one (slow first, fast second)', async () => {
    const store = readyStore();
    const local = localFieldProbe();
    let first = true;
    const probe: FieldProbe = {
      ...local,
      quiver: async (req: QuiverRequest) => {
        const slow = first;
        first = false;
        if (slow) await new Promise((r) => setTimeout(r, 30));
        return local.quiver(req);
      },
    };
    const jobs = new FieldJobs({ store, probe });
    jobs.start();
    setTScrub(0.2, store);
    await jobs.idle();
    const theta = store.getState().weights!.theta;
    expect(store.getState().quiver!.vel).toEqual(quiverField(mlpShape(TINY), theta, [-3, 3], [-2.5, 2.5], 0.2, 20).vel);
    jobs.stop();
  });
});

describe('WorkerFieldProbe', () => {
  /** A worker that answers like src/engine/fieldWorker.ts, one macrotask later. */
  function fakeWorker(): FieldWorkerLike {
    const probe = localFieldProbe();
    const w: FieldWorkerLike = {
      onmessage: null, onerror: null, terminate: () => {},
      postMessage: (msg: ToFieldWorker) => {
        setTimeout(async () => {
          let reply: FromFieldWorker;
          if (msg.type === 'quiver') reply = { type: 'quiver', id: msg.id, field: await probe.quiver(msg.req) };
          else if (msg.type === 'distances') reply = { type: 'error', id: msg.id, message: 'no distances here' };
          else reply = { type: 'quiver', id: msg.id, field: null };
          w.onmessage?.({ data: reply } as MessageEvent<FromFieldWorker>);
        }, 0);
      },
    };
    return w;
  }

  it('pairs replies with requests, rejects an error reply and a reply of the wrong kind with their messages', async () => {
    const probe = new WorkerFieldProbe(fakeWorker());
    const theta = initParams(mlpShape(TINY), 1);
    const q = await probe.quiver({ config: TINY, theta, x: [-1, 1], y: [-1, 1], t: 0.5 });
    expect(q!.vel).toEqual(quiverField(mlpShape(TINY), theta, [-1, 1], [-1, 1], 0.5, 20).vel);
    await expect(probe.distances({ config: TINY, theta, extent: { lo: -1, hi: 1 } })).rejects.toThrow('no distances here');
    await expect(probe.crossing({ pairs: makePairs(worldSpec(TINY), 1), options: { t: 0.5, kind: 'constant', sigma: 0, seed: 1, grid: { xMin: -1, xMax: 1, yMin: -1, yMax: 1, size: 8 } } }))
      .rejects.toThrow('a quiver reply to a crossing request');
  });
});
