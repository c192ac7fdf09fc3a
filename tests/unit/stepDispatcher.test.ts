// stepDispatcher.ts: the one step loop of both runners: one call in flight, replies from before a
// cancel() dropped, the target reached once, and the next call sent as a reply lands.
import { describe, expect, it } from 'vitest';
import { StepDispatcher, type StepHost } from '../../src/state/stepDispatcher';

/** A host whose engine answers by hand: `reply(i)` resolves the i-th call with its n. */
function fakeHost(target = Infinity) {
  const calls: { n: number; resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const log: string[] = [];
  const host: StepHost<number> = {
    want: () => ({ playing: true, speed: 4, target, send: (n) => new Promise<number>((resolve, reject) => { calls.push({ n, resolve, reject }); }) }),
    absorb: (n) => log.push(`absorb ${n}`),
    finished: () => log.push('finished'),
    failed: (e) => log.push(`failed ${(e as Error).message}`),
  };
  return { host, calls, log };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('StepDispatcher', () => {
  it('request() keeps one call in flight; a reply from before cancel() is neither absorbed nor re-requested', async () => {
    const { host, calls, log } = fakeHost();
    const d = new StepDispatcher(host, { now: () => 0, soon: (f) => { setTimeout(f, 0); } });
    d.request();
    d.request();
    expect(calls.map((c) => c.n)).toEqual([4]);
    d.cancel();
    calls[0].resolve(4);
    await tick(); await tick();
    expect(log).toEqual([]);
    expect(calls).toHaveLength(1);
    d.request(); // after the cancel a new call may go out
    calls[1].reject(new Error('lost'));
    await tick();
    expect(log).toEqual(['failed lost']);
    expect(d.inFlight).toBe(false);
  });

  it('with `soon` each reply sends the next call at once, up to the target, then reports finished', async () => {
    const { host, calls, log } = fakeHost(10);
    const d = new StepDispatcher(host, { now: () => 0, soon: (f) => { setTimeout(f, 0); } });
    d.request();
    for (let i = 0; i < 3; i++) {
      calls[i].resolve(calls[i].n);
      await tick(); await tick();
    }
    expect(calls.map((c) => c.n)).toEqual([4, 4, 2]);
    expect(log).toEqual(['absorb 4', 'absorb 4', 'absorb 2', 'finished']);
    expect(d.requested).toBe(10);
  });
});
