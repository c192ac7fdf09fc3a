import { describe, expect, it } from 'vitest';
import { clampField, encodeConfig, isViewKey, sanitizeConfig, snapToPairGrid, PAIR_COORD_LIMIT } from '../../src/link/url';
import { decodeConfig } from '../decodeConfig';
import { CONFIG_KEYS, RUN_CONFIG_FIELDS, defaultConfig, type ConfigKey, type Field, type RunConfig } from '../../src/engine/runConfig';
import { pcg4d, toUniform } from '../../src/math/rng';
import { english } from '../../src/i18n/message';

/** Every value of `config` is within its field's range (the decoder's promise). */
function expectValid(config: RunConfig): void {
  expect(Object.keys(config).sort()).toEqual([...CONFIG_KEYS].sort());
  for (const key of CONFIG_KEYS) {
    const field = RUN_CONFIG_FIELDS[key] as Field;
    const v = config[key] as unknown;
    switch (field.type) {
      case 'number': case 'int':
        expect(typeof v, key).toBe('number');
        expect(Number.isFinite(v), key).toBe(true);
        expect(v as number, key).toBeGreaterThanOrEqual(field.min);
        expect(v as number, key).toBeLessThanOrEqual(field.max);
        if (field.type === 'int') expect(Number.isInteger(v), key).toBe(true);
        break;
      case 'enum': expect(field.values, key).toContain(v); break;
      case 'bool': expect(typeof v, key).toBe('boolean'); break;
      case 'pairs': case 'points': {
        const a = v as number[], size = field.type === 'pairs' ? 4 : 2;
        expect(a.length % size, key).toBe(0);
        expect(a.length / size, key).toBeLessThanOrEqual(field.type === 'pairs' ? field.maxPairs : field.maxPoints);
        expect(a.every((x) => Number.isFinite(x) && Math.abs(x) <= PAIR_COORD_LIMIT), key).toBe(true);
      }
    }
  }
}

/** A random valid config from a seeded RNG: every field off its default with probability ½. */
function randomConfig(seed: number): RunConfig {
  const c = defaultConfig() as Record<ConfigKey, unknown>;
  CONFIG_KEYS.forEach((key, k) => {
    const [w0, w1, w2, w3] = pcg4d(seed, 99, k, 0);
    if (toUniform(w0) < 0.5) return;
    const u = toUniform(w1);
    const field = RUN_CONFIG_FIELDS[key] as Field;
    switch (field.type) {
      case 'number': c[key] = field.min + u * (field.max - field.min); break; // full-precision doubles
      case 'int': c[key] = Math.round(field.min + u * (field.max - field.min)); break;
      case 'enum': c[key] = field.values[w2 % field.values.length]; break;
      case 'bool': c[key] = (w2 & 1) === 1; break;
      // pair coordinates live on the link's 1/2048 grid (compact links); full-precision ones are snapped and reported
      case 'pairs': case 'points': {
        const size = field.type === 'pairs' ? 4 : 2;
        c[key] = Array.from({ length: size * (1 + (w3 % 5)) }, (_, i) => snapToPairGrid(20 * toUniform(pcg4d(seed, 98, k, i)[0]) - 10));
        break;
      }
    }
  });
  if (c.coupling === 'user' && (c.userPairs as number[]).length === 0) c.userPairs = [0, 0, 1, 1];
  if (c.source === 'points' && (c.sourcePoints as number[]).length === 0) c.sourcePoints = [0, 0, 1, 1];
  if (c.target === 'points' && (c.targetPoints as number[]).length === 0) c.targetPoints = [0, 0, 1, 1];
  return c as RunConfig;
}

describe('url codec', () => {
  it('decodeConfig(encodeConfig(c)) gives back c exactly, field by field, at both ends of every range', () => {
    for (const key of CONFIG_KEYS) {
      const field = RUN_CONFIG_FIELDS[key] as Field;
      const values: unknown[] = field.type === 'number' || field.type === 'int' ? [field.min, field.max, field.default]
        : field.type === 'enum' ? [...field.values]
        : field.type === 'bool' ? [true, false]
        : [[], [1.5, -2, 0.125, 10], [-10, 1 / 2048, 3, -0.0009765625, 1, 2, 3, 4]];
      for (const value of values) {
        const c = { ...defaultConfig(), [key]: value } as RunConfig;
        if (key === 'coupling' && value === 'user') c.userPairs = [0, 0, 1, 1]; // coupling=user without pairs is reported (tests/unit/link.test.ts)
        if (key === 'source' && value === 'points') c.sourcePoints = [0, 0, 1, 1]; // so is source=points without points
        if (key === 'target' && value === 'points') c.targetPoints = [0, 0, 1, 1];
        const { config, corrections } = decodeConfig(encodeConfig(c));
        expect(corrections, `${key}=${String(value)}`).toEqual([]);
        expect(config, `${key}=${String(value)}`).toEqual(c);
      }
    }
  });

  it('decodeConfig(encodeConfig(c)) gives back 200 random valid configs exactly, with no corrections', () => {
    for (let seed = 0; seed < 200; seed++) {
      const c = randomConfig(seed);
      const { config, corrections } = decodeConfig(encodeConfig(c));
      expect(corrections).toEqual([]);
      expect(config).toEqual(c);
    }
  });

  it('encodeConfig() writes v=1, the seed and only the fields that differ from their defaults', () => {
    expect(encodeConfig(defaultConfig())).toBe('v=1&seed=1');
    // userPairs compactly: 10 + x in units of 1/2048 as uint16 LE, base64url: 11 · 2048 = 0x5800 → bytes 00 58 …
    expect(encodeConfig({ ...defaultConfig(), sigma: 0.05, coupling: 'rotated', userPairs: [1, 2, 3, 4] }))
      .toBe('v=1&seed=1&coupling=rotated&userPairs=q.AFgAYABoAHA&sigma=0.05');
  });

  it('decodeConfig() accepts a bare query, a leading ? or #, and a full URL', () => {
    for (const q of ['seed=5&sigma=0.3', '?seed=5&sigma=0.3', '#seed=5&sigma=0.3', 'https://example.org/flowvar/?v=1&seed=5&sigma=0.3#panel=loss']) {
      const { config, corrections } = decodeConfig(q);
      expect(corrections, q).toEqual([]);
      expect(config, q).toEqual({ ...defaultConfig(), seed: 5, sigma: 0.3 });
    }
    expect(decodeConfig('https://example.org/').config).toEqual(defaultConfig());
  });

  it('decodeConfig() reports each change naming the field and the value', () => {
    const { config, corrections } = decodeConfig('pairs=-3&lr=abc&foo=1&width=100.4&integrator=RK4&activation=swish&depth=');
    expect(corrections).toEqual([
      'pairs=-3 is below 8: using 8',
      'lr=abc is not a number: using 0.002',
      'unknown setting "foo" ignored',
      'width=100.4 is not a whole number: using 100',
      'integrator=RK4 read as rk4',
      'activation=swish is not one of silu, relu, tanh, gelu: using silu',
      'depth= is not a number: using 3',
    ]);
    expect(config).toMatchObject({ pairs: 8, lr: 0.002, width: 100, integrator: 'rk4', activation: 'silu', depth: 3 });
  });

  it('decodeConfig() ignores view flags (<control>_hide, embed, theme, tour, panel, speed, engine) without a correction', () => {
    const { config, corrections } = decodeConfig('sigma_hide=true&embed=loss&theme=projector&tour=2&panel=variance&speed=8&engine=cpu&seed=2');
    expect(corrections).toEqual([]);
    expect(config.seed).toBe(2);
    expect(isViewKey('lr_hide')).toBe(true);
    expect(isViewKey('lr')).toBe(false);
  });

  it('userPairs: malformed groups are dropped, coordinates clamped to ±10, at most 256 pairs kept', () => {
    const r = decodeConfig('coupling=user&userPairs=1,2,3,4;5,6,7;1,NaN,2,3;0,0,40,-11;1,1,1e400,1');
    expect(r.config.userPairs).toEqual([1, 2, 3, 4, 0, 0, 10, -10]);
    expect(r.corrections).toEqual(['userPairs: 3 pairs are not four finite numbers and were dropped; 2 coordinates outside ±10 clamped']);
    const many = Array.from({ length: 300 }, (_, i) => `${i % 10},0,0,1`).join(';');
    const m = decodeConfig(`userPairs=${many}`);
    expect(m.config.userPairs.length).toBe(4 * 256);
    expect(m.corrections).toEqual(['userPairs: 300 pairs are more than 256: keeping the first 256']);
  });

  const HOSTILE = [
    'sigma=NaN', 'lr=Infinity', 'lr=-Infinity', 'sigma=1e400', 'pairs=-1e400', 'pairs=-5', 'seed=-5',
    'seed=99999999999999999999999', 'width=1e308', 'batch=0x100', 'steps=1e6.5', 'frobnicate=3',
    'sigma=%CF%83', '%F0%9F%98%80=1', 'coupling=<script>alert(1)</script>', '<script>alert(1)</script>',
    `source=${'x'.repeat(10_000)}`, `userPairs=${'1,'.repeat(5_000)}`, `${'k'.repeat(10_000)}=1`, '%E0%A4%A',
    'lr=%E0%A4%A', 'lr=%', '', '&&&', '=', '==', '?', '#', 'seed', 'seed=1&seed=2&seed=3', 'sigma=0.1&sigma=abc',
    '__proto__=1', 'constructor=1', 'toString=x', 'v=999', 'coupling=user&userPairs=;;;,,,', 'userPairs=1,2,3,4,5,6,7,8',
    'lr=1e-400', 'phi=-0', 'sigma= 0.5', 'steps=1_000', 'interpolant=', '\u0000=\u0000', 'seed=\n',
  ];

  it('decodeConfig() never throws on hostile input, keeps every value in range and reports the changes', () => {
    for (const q of HOSTILE) {
      let r!: ReturnType<typeof decodeConfig>;
      expect(() => { r = decodeConfig(q); }, q.slice(0, 60)).not.toThrow();
      expectValid(r.config);
      for (const c of r.corrections) expect(c.length, q.slice(0, 60)).toBeLessThan(200);
    }
    // each of these is a change that must be reported
    const changed = HOSTILE.filter((q) => !['', '&&&', '?', '#', 'phi=-0', 'sigma= 0.5'].includes(q));
    for (const q of changed) expect(decodeConfig(q).corrections.length, q.slice(0, 60)).toBeGreaterThan(0);
  });

  it('decodeConfig() quotes a hostile value cut to 40 characters, and its escape sequences stay text', () => {
    const r = decodeConfig(`coupling=${'<script>alert(1)</script>'.repeat(100)}`);
    expect(r.config.coupling).toBe('independent');
    expect(r.corrections[0]).toMatch(/^coupling=<script>alert\(1\)<\/script><script>alert\(1…/);
  });

  it('clampField() clamps numbers from sliders, rounds ints, and sanitizeConfig() fixes any object', () => {
    expect(clampField('sigma', 5)).toEqual({ value: 2, correction: { key: 'link.above', values: { setting: 'sigma=5', limit: 2 } } });
    expect(english(clampField('sigma', 5).correction!)).toBe('sigma=5 is above 2: using 2');
    expect(clampField('sigma', 0.3)).toEqual({ value: 0.3, correction: null });
    expect(clampField('batch', 100.5).value).toBe(101);
    expect(clampField('lr', Number.NaN).value).toBe(0.002);
    expect(sanitizeConfig(null).config).toEqual(defaultConfig());
    const s = sanitizeConfig({ sigma: 'x', pairs: 10, nope: 1, lr_hide: true });
    expect(s.config).toEqual({ ...defaultConfig(), pairs: 10 });
    expect(s.corrections.map(english)).toEqual(['sigma=x is not a number: using 0', 'unknown setting "nope" ignored']);
  });
});
