// Each chapter's card against what its panel shows (docs/design.md#the-story): the test reads the claim in
// the card's text and the data the panel draws (the measured figures of src/story/figures.json,
// which come from the same CPU runs and sweep the page trains, the pairs panel's drawing, or the
// ReFlow rounds the page runs, trained here on the WebAssembly kernel) and fails when they
// disagree. A changed text fails the claim lookup, so its check is rewritten with it.
import { describe, expect, it } from 'vitest';
import { chapterById, chapterConfig, type ChapterId } from '../../src/story/chapters';
import { FIGURES } from '../../src/story/figures';
import { chapterWords } from '../storyWords';
import { SWEEP_SIGMAS } from '../../src/story/measurePlan';
import { makePairs } from '../../src/math/couplings';
import { worldSpec } from '../../src/engine/world';
import { drawPairs, tubeCount } from '../../src/panels/drawPairs';
import { planeExtent, planeScales } from '../../src/panels/planeFrame';
import { defaultLayers } from '../../src/state/viewSlice';
import type { Palette } from '../../src/panels/palette';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { ReflowRunner, reflowSettings } from '../../src/engine/reflowRounds';
import { nodeMlpKernel } from '../../src/node/wasmKernel';

const fig = (key: string): number => {
  const f = FIGURES.figures[key];
  if (!f) throw new Error(`figures.json lacks ${key}: run npm run story:measure`);
  return f.value;
};

/** The chapter's text, which must make `claim` (the test's subject). */
function claimOf(id: ChapterId, claim: string | RegExp): string {
  const text = chapterWords(id).text;
  expect(text, `chapter ${id} no longer says "${claim}": rewrite this check with the text`).toMatch(claim);
  return text;
}

/** A 2-D context that records each stroke's width and opacity while the tube colour is set. */
function recordingContext(tube: string) {
  const strokes: { width: number; alpha: number; from: [number, number]; to: [number, number] }[] = [];
  let from: [number, number] = [0, 0], to: [number, number] = [0, 0];
  const ctx = {
    strokeStyle: '', fillStyle: '', lineWidth: 1, globalAlpha: 1, lineCap: 'butt',
    save() {}, restore() {}, beginPath() {}, closePath() {}, clip() {}, rect() {}, fill() {}, arc() {},
    moveTo(x: number, y: number) { from = [x, y]; },
    lineTo(x: number, y: number) { to = [x, y]; },
    stroke() { if (ctx.strokeStyle === tube) strokes.push({ width: ctx.lineWidth, alpha: ctx.globalAlpha, from, to }); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

const PALETTE: Palette = { source: 's', target: 't', lines: 'l', tube: 'TUBE', xt: 'x', trainPaths: 'tp', freshPaths: 'fp', quiver: 'q', partners: 'p', gradVar: 'g', loss: 'lo', bars: 'b', ink: 'i', weight: 1 };

describe('each chapter\'s card says what its panel shows', () => {
  it('1: paths bend and land near the target, not on the partner', () => {
    claimOf('lines', /lands near the target, not on its partner/);
    expect(fig('lines.reproduction')).toBeLessThan(3 / fig('lines.pairs')); // about chance
    expect(fig('lines.w2')).toBeLessThan(0.5); // near the target N(0, I)
  });

  it('2: gradient variance falls towards zero and the partners come back', () => {
    claimOf('rotated', /the gradient variance falls to \{rotated\.gradVar\}/);
    expect(fig('rotated.gradVar')).toBeLessThan(fig('lines.gradVar') / 20);
    expect(fig('rotated.reproduction')).toBeGreaterThan(0.8);
  });

  it('3: at σ = 0.3 every line is drawn as a tube wide enough to see, and the tubes overlap', () => {
    claimOf('noise', /every line becomes a tube, tubes overlap/);
    const config = chapterConfig(chapterById('noise')!, 'cpu');
    const pairs = makePairs(worldSpec(config), config.seed);
    // the pairs panel at 1366×768: about 500 × 420 px
    const scales = planeScales(planeExtent(pairs, config), 500, 420);
    const { ctx, strokes } = recordingContext(PALETTE.tube);
    drawPairs(ctx, { pairs, scales, layers: defaultLayers(), kind: config.interpolant, sigma: config.sigma, tScrub: 0.5, palette: PALETTE });
    expect(strokes.length).toBe(tubeCount(pairs.n));
    expect(strokes.length).toBeGreaterThanOrEqual(32);
    for (const s of strokes) {
      expect(s.width).toBeGreaterThanOrEqual(8); // ±2σ = 1.2 data units
      expect(s.alpha).toBeGreaterThanOrEqual(0.1);
    }
    // overlap: some two tubes pass closer than a tube's width (midpoints of their lines)
    const mid = (s: (typeof strokes)[number]) => [(s.from[0] + s.to[0]) / 2, (s.from[1] + s.to[1]) / 2];
    let overlaps = 0;
    for (let i = 0; i < strokes.length; i++) for (let j = i + 1; j < strokes.length; j++) {
      const [a, b] = [mid(strokes[i]), mid(strokes[j])];
      if (Math.hypot(a[0] - b[0], a[1] - b[1]) < strokes[i].width) overlaps++;
    }
    expect(overlaps).toBeGreaterThan(strokes.length);
    // and the variance stays high: far above σ = 0's
    expect(fig('noise.gradVar')).toBeGreaterThan(10 * fig('rotated.gradVar'));
  });

  it('4: few pairs memorized far above chance with a distorted cloud; σ = 1 breaks the pairing and brings the cloud back', () => {
    claimOf('memorize', /fresh x0 land on a distorted cloud/);
    expect(fig('memorize.reproduction')).toBeGreaterThan(4 / fig('memorize.pairs'));
    expect(fig('memorize.sigma1.hits')).toBeLessThan(fig('memorize.hits'));
    expect(fig('memorize.sigma1.w2')).toBeLessThan(fig('memorize.w2') / 2);
  });

  it('5: 64 Euler steps lose the partners and shrink the generated cloud towards the centre', () => {
    claimOf('collision', /shrinks towards the centre: its spread falls to \{collision\.ode64\.spread\}/);
    expect(fig('collision.ode64.reproduction')).toBeLessThan(fig('collision.reproduction') / 4);
    expect(fig('collision.ode64.spread')).toBeLessThan(0.6); // the target's spread is 1
    expect(fig('collision.ode64.spread')).toBeLessThan(fig('collision.spread') / 2);
  });

  it('6: the sweep\'s reproduction collapses between σ = 0.1 and 0.3, band included, while its W2 curve hardly moves', () => {
    claimOf('sweep', /collapses between σ = \{sweep\.transition\.from\} and \{sweep\.transition\.to\}/);
    expect([fig('sweep.transition.from'), fig('sweep.transition.to'), fig('sweep.seeds')]).toEqual([0.1, 0.3, 3]);
    claimOf('sweep', /The distance to the target hardly moves/);
    const sigma = (i: number) => fig(`sweep.s${i}.sigma`);
    const at = (s: number) => SWEEP_SIGMAS.indexOf(s);
    expect([sigma(at(0.1)), sigma(at(0.3)), sigma(7)]).toEqual([0.1, 0.3, 1]);
    for (let i = 0; i <= at(0.1); i++) expect(fig(`sweep.s${i}.reproduction`), `σ = ${sigma(i)}`).toBeGreaterThan(0.8);
    expect(fig(`sweep.s${at(0.3)}.reproduction`)).toBeLessThan(0.5);
    expect(fig(`sweep.s${at(1)}.reproduction`)).toBeLessThan(3 / fig('sweep.pairs'));
    // "hardly moves": every σ's sliced W2 within a factor 1.6 of σ = 0's (the old text said it falls)
    const w0 = fig('sweep.s0.w2');
    for (let i = 0; i < SWEEP_SIGMAS.length; i++) {
      expect(fig(`sweep.s${i}.w2`), `σ = ${sigma(i)}`).toBeLessThan(1.6 * w0);
      expect(fig(`sweep.s${i}.w2`), `σ = ${sigma(i)}`).toBeGreaterThan(w0 / 1.6);
    }
  });

  it('7: every ReFlow round reproduces the rotated pairing it memorized: its flow maps x0 to the rotated x0, not towards the OT map', async () => {
    claimOf('reflow', /each round reproduces the rotation it memorized: Reflow does not repair a non-optimal pairing/);
    // the chapter's run on the CPU (400 steps a round, 128 pairs, Euler 64) and the page's 2 reflow rounds
    const config = chapterConfig(chapterById('reflow')!, 'cpu');
    const trainer = new CpuTrainer(config, nodeMlpKernel(1));
    const rounds = await new ReflowRunner(trainer, reflowSettings(config)).run(2);
    // measured (seed 1): reproduction 0.961 / 0.953 / 0.961 (chance 1/128), transport cost 3.77 /
    // 3.67 / 3.58 and pair cost 3.86 / 3.73 / 3.62 (rounds 0, 1, 2); E‖(R − I) x0‖² = 4, OT cost 0
    expect(rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    for (const r of rounds) {
      expect(r.reproduction, `round ${r.round}`).toBeGreaterThan(0.9);
      expect(r.otCost).toBe(0);
      expect(r.transportCost, `round ${r.round}`).toBeGreaterThan(3.3);
      expect(r.pairCost, `round ${r.round}`).toBeGreaterThan(3.3);
    }
    expect(rounds[0].transportCost - rounds[2].transportCost).toBeLessThan(0.4);
    // round 2's pairs are where round 1's flow took each x0: the rotation R_φ x0 (mean squared
    // distance measured 0.007; seeds 2 and 3: 0.002, 0.004), where a repair would pull them to x0
    const { n, x0, x1 } = trainer.pairs;
    const [c, s] = [Math.cos(config.phi), Math.sin(config.phi)];
    let off = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = [x0[2 * i], x0[2 * i + 1]];
      off += (x1[2 * i] - (c * x - s * y)) ** 2 + (x1[2 * i + 1] - (s * x + c * y)) ** 2;
    }
    expect(off / n).toBeLessThan(0.05);
  });

  it('8: σ = 0.05 keeps the variance higher, yet both runs return about as many partners', () => {
    claimOf('compare', /both runs return about as many partners/);
    expect(fig('compare.sigma005.gradVar')).toBeGreaterThan(1.5 * fig('compare.gradVar'));
    expect(Math.abs(fig('compare.sigma005.reproduction') - fig('compare.reproduction'))).toBeLessThan(0.05);
  });
});
