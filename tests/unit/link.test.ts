// One decoder for page and CLI (docs/classroom.md#links): a corpus of hostile links goes through the
// page's path (the browser's URL parser, then readLink(location.search + location.hash), as
// src/main.tsx does) and the CLI's path (argv → parseRunArgs → readLink, its stderr lines
// captured); both must give the same config, the same view keys and the same corrections.
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../src/cli/run';
import { decodeLink } from '../../src/link/link';
import { readLink, settingsPart } from '../../src/state/urlSync';
import { RUN_CONFIG_FIELDS, CONFIG_KEYS, defaultConfig, type Field, type RunConfig } from '../../src/engine/runConfig';
import { encodeConfig } from '../../src/link/url';
import { DEFAULT_VIEW_PARAMS } from '../../src/link/viewParams';
import { SPEED_MAX, SPEED_MIN } from '../../src/link/viewParams';
import { HOSTILE_LINKS } from './hostileLinks';
import { english } from '../../src/i18n/message';

const BASE = 'https://example.org/flowvar/';

/** What the page reads for a link typed or pasted as `link`: the browser's location, then readLink. */
function pagePath(link: string) {
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/|[?#/])/i.test(link) ? link : `?${link}`;
  const url = new URL(absolute, BASE);
  const opened = readLink(url.search + url.hash);
  return { config: opened.config ?? defaultConfig(), hasConfig: opened.config !== null, view: opened.view, corrections: opened.corrections.map(english) };
}

/** What `flowvar run "<link>"` reads: its argv parsed, the config decoded and each correction printed. */
function cliPath(link: string) {
  const err: string[] = [];
  const parsed = parseRunArgs([link], { out: () => {}, err: (line) => err.push(line) });
  if (typeof parsed === 'number') throw new Error(`not a run: ${link}`);
  const { config, hasConfig, view } = parsed.link;
  expect(parsed.link.corrections.length).toBe(err.length);
  return { config, hasConfig, view, corrections: err.map((line) => line.replace(/^correction: /, '')) };
}

function expectInRange(config: RunConfig, label: string): void {
  for (const key of CONFIG_KEYS) {
    const field = RUN_CONFIG_FIELDS[key] as Field;
    const v = config[key] as unknown;
    if (field.type === 'number' || field.type === 'int') {
      expect(Number.isFinite(v) && (v as number) >= field.min && (v as number) <= field.max, `${label}: ${key}=${String(v)}`).toBe(true);
    } else if (field.type === 'enum') expect(field.values, `${label}: ${key}`).toContain(v);
  }
}

describe('one decoder for page and CLI', () => {
  it(`a corpus of ${HOSTILE_LINKS.length} hostile links gives the same config, view and corrections in the page and the CLI`, () => {
    expect(HOSTILE_LINKS.length).toBeGreaterThanOrEqual(100);
    let corrected = 0;
    for (const link of HOSTILE_LINKS) {
      const label = JSON.stringify(link.slice(0, 80));
      let page!: ReturnType<typeof pagePath>, cli!: ReturnType<typeof cliPath>;
      expect(() => { page = pagePath(link); cli = cliPath(link); }, label).not.toThrow();
      expect(cli.config, label).toEqual(page.config);
      expect(cli.hasConfig, label).toBe(page.hasConfig);
      expect(cli.view, label).toEqual(page.view);
      expect(cli.corrections, label).toEqual(page.corrections);
      expectInRange(page.config, label);
      if (page.view.speed !== null) expect(page.view.speed >= SPEED_MIN && page.view.speed <= SPEED_MAX, label).toBe(true);
      for (const c of page.corrections) expect(c.length, label).toBeLessThan(220);
      if (page.corrections.length > 0) corrected++;
    }
    // the corpus is hostile: nearly every link needs a correction
    expect(corrected).toBeGreaterThan(HOSTILE_LINKS.length * 0.8);
  });

  it('the cases of the hostile-link report read the same everywhere, each change named', () => {
    const moons = pagePath('?source=%20moons');
    expect(moons.config.source).toBe('moons');
    expect(moons.corrections).toEqual(['source= moons read as moons']);
    expect(cliPath('source= moons').config.source).toBe('moons');

    const five = pagePath('?pairs=%205%20');
    expect(five.config.pairs).toBe(8);
    expect(five.corrections).toEqual(['pairs= 5  is below 8: using 8']);

    const hash = pagePath(`${BASE}#pairs=16&width=32`);
    expect(hash.config).toMatchObject({ pairs: 16, width: 32 });
    expect(hash.corrections).toEqual([]);

    const both = pagePath('?pairs=16#pairs=32');
    expect(both.config.pairs).toBe(32);
    expect(both.corrections).toEqual(['pairs is given more than once: using the last value']);
    expect(cliPath('?pairs=16#pairs=32').config.pairs).toBe(32);
  });

  it('every change the decoder makes is reported: speed out of range, coupling=user without pairs, rounded pair coordinates', () => {
    const speed = decodeLink('seed=2&speed=-1e308');
    expect(speed.view.speed).toBe(SPEED_MIN);
    expect(speed.corrections.map(english)).toEqual([`speed=-1e308 is below ${SPEED_MIN}: using ${SPEED_MIN}`]);
    expect(decodeLink('speed=2.6').view.speed).toBe(3);
    expect(decodeLink('speed=2.6').corrections.map(english)).toEqual(['speed=2.6 is not a whole number: using 3']);
    expect(decodeLink('speed=0x10').view.speed).toBeNull();
    expect(decodeLink('speed=0x10').corrections.map(english)).toEqual(['speed=0x10 is not valid; kept the default speed']);

    for (const link of ['coupling=user', 'coupling=user&userPairs=', 'coupling=user&userPairs=;;']) {
      const r = decodeLink(link);
      expect(r.config.coupling, link).toBe('user');
      expect(r.corrections.map(english).at(-1), link).toBe('coupling=user without userPairs: training on 512 built-in cross pairs until pairs are drawn');
    }
    const drawn = decodeLink('coupling=user&userPairs=0.1,0,1,1');
    expect(drawn.config.userPairs).toEqual([205 / 2048, 0, 1, 1]);
    expect(drawn.corrections.map(english)).toEqual(['userPairs: 1 coordinate rounded to steps of 1/2048']);
  });

  it('view keys read through the same tokenizer: + stays +, a key without a value is an on-flag, the last duplicate wins', () => {
    expect(decodeLink('theme=projector+').corrections.map(english)).toEqual(['theme=projector+ is not valid; kept the lecture theme']);
    expect(decodeLink('?embed&sigma_hide').view).toMatchObject({ embed: true, hidden: ['sigma'] });
    const dup = decodeLink('theme=projector#theme=lecture&preset=rotated');
    expect(dup.view).toEqual({ ...DEFAULT_VIEW_PARAMS, hidden: [], theme: 'lecture', chapter: 'rotated' }); // the older preset= key opens the chapter
    expect(dup.hasConfig).toBe(false);
    expect(dup.corrections.map(english)).toEqual(['theme is given more than once: using the last value']);
  });
});

/** The longest text a valid value of each field can take in a link: the largest configuration. */
function largestConfig(): RunConfig {
  const c = defaultConfig() as Record<string, unknown>;
  for (const key of CONFIG_KEYS) {
    const field = RUN_CONFIG_FIELDS[key] as Field;
    if (field.type === 'number') {
      const candidates = [field.min, field.max];
      for (let e = -320; e <= 2; e++) for (const sign of [1, -1]) candidates.push(sign * 1.2345678901234567 * 10 ** e);
      const valid = candidates.filter((x) => x >= field.min && x <= field.max && !Object.is(x, field.default));
      c[key] = valid.reduce((a, b) => (String(b).length > String(a).length ? b : a));
    } else if (field.type === 'int') c[key] = String(field.min).length > String(field.max).length ? field.min : field.max;
    else if (field.type === 'enum') c[key] = field.values.reduce((a, b) => (b.length > a.length ? b : a));
    else if (field.type === 'bool') c[key] = !field.default;
    else {
      const coords = field.type === 'pairs' ? 4 * field.maxPairs : 2 * field.maxPoints;
      c[key] = Array.from({ length: coords }, (_, i) => ((i * 7919) % 40961) / 2048 - 10);
    }
  }
  c.coupling = 'user';
  return c as RunConfig;
}

describe('compact links', () => {
  it('the largest valid configuration (256 user pairs, 2 × 512 points, every field at its longest) is a link under 9 KB that reads back exactly, after ? or #', () => {
    const config = largestConfig();
    const query = encodeConfig(config);
    expect(query.length).toBeLessThan(9000);
    expect(query.length).toBeGreaterThan(2731 * 3); // 256 pairs · 4 (or 512 points · 2) coordinates · 2 bytes in base64url, at least
    expect(settingsPart(query)[0]).toBe('#'); // too long for a host's request line: the browser never sends it
    expect(settingsPart(encodeConfig({ ...config, sourcePoints: [], targetPoints: [] }))[0]).toBe('?');
    const link = `https://example.org/flowvar/${settingsPart(query)}`;
    const back = decodeLink(link);
    expect(back.corrections.map(english)).toEqual([]);
    expect(back.config).toEqual(config);
  });

  it('an old link with userPairs as decimal text still decodes, snapped to the grid, and re-encodes compactly', () => {
    const old = decodeLink('coupling=user&userPairs=1.5,-2,0.25,10;-10,0,3,-4.75');
    expect(old.corrections.map(english)).toEqual([]);
    expect(old.config.userPairs).toEqual([1.5, -2, 0.25, 10, -10, 0, 3, -4.75]);
    const compact = encodeConfig(old.config);
    expect(compact).toMatch(/userPairs=q\.[A-Za-z0-9_-]{22}(&|$)/); // 16 bytes → 22 base64url characters
    expect(decodeLink(compact).config.userPairs).toEqual(old.config.userPairs);
  });

  it('a damaged compact value is reported and yields no pairs, never a throw', () => {
    expect(decodeLink('coupling=cross&userPairs=q.AFgAYABoAH').corrections.map(english)).toEqual(['userPairs=q.AFgAYABoAH holds 7 bytes, not a multiple of 8 (4 coordinates × 2 bytes): no pairs read']);
    expect(decodeLink('coupling=cross&userPairs=q.!!').corrections.map(english)).toEqual(['userPairs=q.!! is not base64url: no pairs read']);
    // 0xffff is 22 on the grid: clamped to 10 and reported
    const over = decodeLink('coupling=cross&userPairs=q.__________8');
    expect(over.config.userPairs).toEqual([10, 10, 10, 10]);
    expect(over.corrections.map(english)).toEqual(['userPairs: 4 coordinates outside ±10 clamped']);
  });
});
