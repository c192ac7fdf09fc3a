// The classroom pieces that need no browser: the builder's link, the PNG text chunk, the precache
// list and the autoplay rule (the weights file codec: tests/unit/weightsFile.test.ts).
import { describe, expect, it } from 'vitest';
import { builderLink, iframeSnippet, type BuilderChoice } from '../../src/ui/shareBuilder';
import { encodeViewParams, PAGE_CONTROLS } from '../../src/link/viewParams';
import { decodeLink } from '../../src/link/link';
import { withPngText } from '../../src/panels/pngText';
import { readPngText } from '../readPngText';
import { precacheList } from '../../src/offline/precachePlugin';
import { resolveAutoplay } from '../../src/ui/motionSetting';
import { wrapStamp } from '../../src/panels/exportCompose';

const CHOICE: BuilderChoice = { hidden: [], embed: false, panel: 'flow', chapter: null, theme: 'lecture', autoplay: null, lecture: false };

describe('builderLink()', () => {
  it('replaces the view keys it owns, keeps the run, drops stale hide flags', () => {
    const base = 'https://x.org/sub/?v=1&seed=3&sigma=0.1&embed=true&sigma_hide=true&theme=projector#h';
    const link = builderLink(base, { ...CHOICE, hidden: ['lr', 'flowPanel', 'nope'], chapter: 'rotated', autoplay: false, embed: true, panel: 'gradvar' });
    const q = new URL(link).searchParams;
    expect(new URL(link).pathname).toBe('/sub/');
    expect([...q.keys()]).toEqual(['v', 'seed', 'sigma', 'lr_hide', 'flowPanel_hide', 'chapter', 'autoplay', 'embed', 'panel']);
    expect(q.get('sigma')).toBe('0.1');
    expect(new URL(link).hash).toBe('');
  });

  it('compare_hide=true round-trips: the builder writes it, the link reads it back as a hidden page control, the URL mirror keeps it', () => {
    expect(PAGE_CONTROLS).toContain('compare');
    const link = builderLink('https://x.org/?v=1&compare=sigma:0.3', { ...CHOICE, hidden: ['compare', 'play'] });
    expect(new URL(link).searchParams.get('compare_hide')).toBe('true');
    const { view, corrections } = decodeLink(new URL(link).search);
    expect(corrections).toEqual([]);
    expect([...view.hidden].sort()).toEqual(['compare', 'play']);
    expect(view.compare).toEqual({ key: 'sigma', value: 0.3 });
    expect(new URLSearchParams(encodeViewParams(view)).get('compare_hide')).toBe('true');
  });

  it('iframeSnippet() escapes the link for an HTML attribute', () => {
    expect(iframeSnippet('https://x.org/?a=1&b="2"', 't<')).toBe('<iframe src="https://x.org/?a=1&amp;b=&quot;2&quot;" width="600" height="400" title="t&lt;" style="border:0" loading="lazy" allow="fullscreen"></iframe>');
  });
});

describe('PNG tEXt chunk', () => {
  // the smallest PNG: signature, IHDR (1×1), IDAT, IEND
  const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  it('withPngText() then readPngText() gives the text back, the image data untouched', () => {
    const out = withPngText(png, 'flowvar', 'v=1&seed=3&sigma=0.05');
    expect(readPngText(out)).toEqual({ flowvar: 'v=1&seed=3&sigma=0.05' });
    expect(out.length).toBe(png.length + 12 + 'flowvar'.length + 1 + 21);
    expect(Buffer.from(out.subarray(out.length - 12)).equals(Buffer.from(png.subarray(png.length - 12)))).toBe(true);
  });
});

describe('precacheList()', () => {
  it('lists the page and every file once, relative, without the worker, source maps and the hosts\' _headers', () => {
    expect(precacheList(['index.html', 'assets/a-1.js', 'sw.js', '_headers', 'assets/a-1.js.map'], ['favicon.svg', 'assets/a-1.js']))
      .toEqual(['./', './assets/a-1.js', './favicon.svg', './index.html']);
  });
});

describe('resolveAutoplay()', () => {
  it('the link wins, then the reader setting, then the system: reduced motion means no autoplay', () => {
    expect(resolveAutoplay(null, null, true)).toBe(false);
    expect(resolveAutoplay(null, null, false)).toBe(true);
    expect(resolveAutoplay(null, true, true)).toBe(true);
    expect(resolveAutoplay(false, true, false)).toBe(false);
    expect(resolveAutoplay(true, false, true)).toBe(true);
  });
});

describe('wrapStamp()', () => {
  it('cuts a long stamp into lines that join back to it', () => {
    const stamp = 'v=1&seed=3&'.repeat(20);
    const lines = wrapStamp(stamp, 50);
    expect(lines.every((l) => l.length <= 50)).toBe(true);
    expect(lines.join('')).toBe(stamp);
  });
});
