// The weights file codec (src/link/weightsFile.ts): version 2 carries θ and Adam's moments exactly,
// version 1 (θ only) still loads with its moments zeroed and a status line saying so, and hostile
// files are refused with a reason, never a throw.
import { describe, expect, it } from 'vitest';
import { decodeWeightsFile, encodeWeightsFile, loadedStatus, MAX_WEIGHTS_FILE_BYTES } from '../../src/link/weightsFile';
import { defaultConfig } from '../../src/engine/runConfig';
import { mlpShape } from '../../src/engine/world';
import { mlpLayout } from '../../src/math/mlp';
import { english } from '../../src/i18n/message';

const config = { ...defaultConfig(), width: 16, depth: 1 };
const count = mlpLayout(mlpShape(config)).paramCount;
const wave = (f: (i: number) => number) => Float32Array.from({ length: count }, (_, i) => Math.fround(f(i)));
const theta = wave((i) => Math.sin(i) / 3);
// moments as Adam leaves them: m of either sign, v tiny and ≥ 0 (f32 subnormals included)
const m = wave((i) => Math.cos(i) * 1e-3);
const v = wave((i) => (i % 7 === 0 ? 1e-41 : Math.sin(i) ** 2 * 1e-6));

describe('weights file', () => {
  it('encode → decode (version 2) returns the same f32 θ, m and v bit for bit, the step and the config', () => {
    const text = encodeWeightsFile({ config, step: 42, theta, m, v }, 'http://x/?v=1');
    expect(JSON.parse(text)).toMatchObject({ version: 2, paramCount: count });
    const r = decodeWeightsFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.file.theta)).toEqual(Array.from(theta));
    expect(Array.from(r.file.m!)).toEqual(Array.from(m));
    expect(Array.from(r.file.v!)).toEqual(Array.from(v));
    expect(r.file.v![0]).toBe(Math.fround(1e-41));
    expect(r.file.step).toBe(42);
    expect(r.file.config).toEqual(config);
    expect(r.corrections).toEqual([]);
    expect(english(loadedStatus(r.file))).toBe('loaded step 42: press Play to continue');
  });

  it('a version-1 file (θ only) loads with no moments, and its status line says they start from zero', () => {
    const v2 = JSON.parse(encodeWeightsFile({ config, step: 7, theta, m, v }, '')) as Record<string, unknown>;
    const v1 = { ...v2, version: 1, m: undefined, v: undefined };
    const r = decodeWeightsFile(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.file.theta)).toEqual(Array.from(theta));
    expect(r.file.m).toBeUndefined();
    expect(r.file.v).toBeUndefined();
    expect(r.file.step).toBe(7);
    expect(r.corrections).toEqual([]);
    expect(english(loadedStatus(r.file))).toBe("loaded step 7: press Play to continue (a version-1 file: Adam's moments start from zero, so the next steps differ from the original run)");
  });

  it('refuses hostile files with a reason and never throws', () => {
    const good = JSON.parse(encodeWeightsFile({ config, step: 1, theta, m, v }, '')) as Record<string, unknown>;
    const cut = (a: Float32Array) => Array.from(a.slice(1));
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['null', /not a flowvar weights file/],
      ['[1, 2]', /format is undefined/],
      [JSON.stringify({ ...good, format: 'x' }), /format is "x"/],
      [JSON.stringify({ ...good, version: 9 }), /version 9 is not 1 or 2/],
      [JSON.stringify({ ...good, version: '2' }), /version "2"/],
      [JSON.stringify({ ...good, theta: [1, 'a'] }), /theta is not a list of finite numbers/],
      [JSON.stringify({ ...good, theta: cut(theta) }), new RegExp(`theta has ${count - 1} numbers; a 1 × 16 network has ${count}`)],
      [JSON.stringify({ ...good, config: { ...config, width: 32 } }), /theta has .* network has/],
      // version 2 without its moments, or with moments that do not fit or are not numbers
      [JSON.stringify({ ...good, m: undefined }), /^m is not a list of finite numbers$/],
      [JSON.stringify({ ...good, v: 'zeros' }), /v is not a list of finite numbers ≥ 0/],
      [JSON.stringify({ ...good, m: cut(m) }), new RegExp(`m has ${count - 1} numbers`)],
      [JSON.stringify({ ...good, v: [...Array.from(v), 0] }), new RegExp(`v has ${count + 1} numbers`)],
      [JSON.stringify({ ...good, m: [null, ...cut(m)] }), /m is not a list of finite numbers/],
      // 1e999 parses as Infinity; a negative second moment would make √v̂ NaN
      [JSON.stringify({ ...good, m: [] }).replace('"m":[]', `"m":[1e999${',0'.repeat(count - 1)}]`), /m is not a list of finite numbers/],
      [JSON.stringify({ ...good, v: [-1e-9, ...cut(v)] }), /v is not a list of finite numbers ≥ 0/],
      // a hundred thousand levels of nesting: JSON.parse copes, JSON.stringify of it would overflow the stack
      [`{"format":${'['.repeat(1e5)}${']'.repeat(1e5)}}`, /^format is a list, not "flowvar-weights"$/],
      [JSON.stringify({ ...good, config: 0 }).replace('"config":0', `"config":${'['.repeat(1e5)}${']'.repeat(1e5)}`), /theta has .* network has/],
      [JSON.stringify({ ...good, version: 99 }), /^version 99 is not 1 or 2: written by another flowvar, or not by flowvar$/],
      [JSON.stringify({ ...good, version: 'x'.repeat(1000) }), /^version "x{39}… is not 1 or 2/],
      // more text than the largest network's file: refused before parsing
      [`{"format":"flowvar-weights"}${' '.repeat(MAX_WEIGHTS_FILE_BYTES)}`, /^the file is \d+ MB; a weights file of the largest network \(6 × 512\) is at most \d+ MB, so this is not one$/],
    ];
    for (const [text, reason] of cases) {
      const r = decodeWeightsFile(text);
      expect(r.ok, text.slice(0, 60)).toBe(false);
      if (!r.ok) expect(english(r.reason), text.slice(0, 60)).toMatch(reason);
    }
    const odd = decodeWeightsFile(JSON.stringify({ ...good, step: -3, config: { ...config, sigma: 99 } }));
    expect(odd.ok && odd.file.step === 0 && odd.file.config.sigma === 2 && odd.corrections.length === 2).toBe(true);
  });
});
