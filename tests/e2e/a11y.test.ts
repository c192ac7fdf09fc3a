// Accessibility checked by machine (docs/classroom.md#accessibility) and reduced motion (docs/classroom.md#reduced-motion): axe-core over the
// page in both themes, on a chapter and with the help dialog open; the dialog's focus trap and
// focus return; panel buttons named after their panel; the skip link; the panels' text summaries;
// and no autoplay under prefers-reduced-motion until Play (or the reader's setting) says so.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { axeReport, cpuQuery, pageState, TINY, waitForEvaluation, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 });

const browser = sharedBrowser();

describe('accessibility (axe-core)', () => {
  // axe takes tens of seconds on the shared 2-core machine: the help dialog is checked once, in
  // the projector theme, over the same chapter page (the page behind it is checked as well)
  for (const [theme, help] of [['lecture', false], ['projector', true]] as const) {
    it(`${theme} theme on chapter 1${help ? ' with the help dialog open' : ''}: no serious or critical violation`, async () => {
      const page = await browser.newPage();
      // autoplay=false: axe reads the DOM; a chapter's run training beside it only slows it down
      await page.goto(appUrl(`${Q}&theme=${theme}&tour=1&autoplay=false`));
      await waitForEvaluation(page, 0);
      await page.getByTestId('explain').waitFor();
      if (help) {
        await page.getByTestId('help-open').click();
        await page.getByTestId('help').waitFor();
      }
      expect((await axeReport(page)).serious).toEqual([]);
      await page.close();
    });
  }
});

describe('keyboard and screen readers', () => {
  it('the help dialog keeps Tab inside and gives focus back to its opener on Escape', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForStep(page, 1);
    await page.getByTestId('help-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('help').waitFor();
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="help"]'));
    expect(await inside()).toBe(true);
    for (let i = 0; i < 4; i++) { await page.keyboard.press('Tab'); expect(await inside()).toBe(true); }
    for (let i = 0; i < 4; i++) { await page.keyboard.press('Shift+Tab'); expect(await inside()).toBe(true); }
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.getByTestId('help').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-open');
    await page.close();
  });

  it('the skip link is the first Tab stop and moves focus to the panels; panel buttons name their panel', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForStep(page, 1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // the next stop after the skip is the first panel (or inside it), not one of the header's controls
    expect(await page.evaluate(() => document.activeElement?.closest('[data-panel]')?.getAttribute('data-panel'))).toBe('pairs');
    const names = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-panel]')).flatMap((panel) => {
      const title = panel.querySelector('h2')?.textContent ?? '';
      return Array.from(panel.querySelectorAll<HTMLButtonElement>('.panel-tools button')).map((b) => ({ title, name: b.getAttribute('aria-label') ?? b.textContent ?? '' }));
    }));
    expect(names.length).toBeGreaterThanOrEqual(3 * 8);
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length); // no two panel buttons share a name
    for (const { title, name } of names.filter((n) => /PNG|SVG|Full screen/.test(n.name))) expect(name).toContain(title);
    await page.close();
  });

  it('each plot offers its values as text: the gradient-variance summary follows the run', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForEvaluation(page, 2);
    const summary = page.getByTestId('summary-gradvar');
    await expect.poll(async () => (await summary.textContent()) ?? '', { timeout: 10_000 }).toMatch(/^step [1-9][\d,]*, loss [\d.e-]+, gradient variance [\d.e-]+/);
    const flow = (await page.getByTestId('summary-flow').textContent()) ?? '';
    expect(flow).toMatch(/pair reproduction [\d.]+% \(chance 6\.3%\)/); // 16 pairs: chance 1/16; English percents have no space (Intl)
    await page.close();
  });
});

describe('reduced motion', () => {
  it('prefers-reduced-motion: nothing trains until Play; the Autoplay setting overrides it on the next visit', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(appUrl(Q));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    await page.waitForTimeout(1500);
    expect((await pageState(page)).step).toBe(0);
    expect(await page.getByTestId('step-count').textContent()).toBe('0');
    expect(await page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('play').click();
    await waitForStep(page, 2);
    // the front door (a bare link opens chapter 1 of the story) waits for Play too
    await page.goto(appUrl('engine=cpu'));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    await page.getByTestId('explain').waitFor();
    await page.waitForTimeout(1500);
    expect((await pageState(page)).step).toBe(0);
    await page.goto(appUrl(Q));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    // the reader's setting wins over the system preference
    await page.getByTestId('autoplay-setting').check();
    await page.reload();
    await waitForStep(page, 1);
    await page.getByTestId('autoplay-setting').uncheck();
    await page.close();
  });
});
