// The 2-minute soak (docs/design.md#the-page-never-blocks; `npm run soak -- --minutes 60` is the long one): the page
// trains on the CPU worker while the story's chapters 1 and 8 switch every 20 s; the JS heap, the curve
// buffers (bounded, the newest steps at full resolution), the frame times, the step counter and
// the page errors are sampled and judged by bench/soak/soak.ts.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { judgeSoak, runSoak, soakOptions } from '../../bench/soak/soak';

const browser = sharedBrowser();

describe('soak', () => {
  it('two minutes of training through the chapters: heap, curves and frames stay level, no error', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl('engine=cpu'));
    const lines: string[] = [];
    const report = await runSoak(page, { ...soakOptions(2), log: (l) => lines.push(l) });
    // a machine so loaded that no frame window of a round was steady (slow frames while the page's
    // main thread idled) cannot say whether frames drifted: that check is then reported, not failed
    const checks = judgeSoak(report, { requireFrames: false });
    console.log(checks.map((c) => `${c.ok ? 'ok' : 'FAIL'} ${c.name}: ${c.detail}`).join('\n'));
    const failed = checks.filter((c) => !c.ok);
    expect(failed, [...lines, ...checks.map((c) => `${c.ok ? 'ok' : 'FAIL'} ${c.name}: ${c.detail}`)].join('\n')).toEqual([]);
    expect(report.chapterSwitches).toBeGreaterThanOrEqual(6);
    await page.close();
  });
});
