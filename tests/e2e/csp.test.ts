// The built page runs under its Content-Security-Policy (src/csp.ts, docs/deploy.md#content-security-policy): the meta
// tag is there, the policy is enforced (an inline script is refused and reported), and opening,
// training on the CPU worker, evaluating and exporting a panel as PNG report no violation.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, pageState, TINY, waitForEvaluation } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { CONTENT_SECURITY_POLICY } from '../../src/csp';

const browser = sharedBrowser();

declare global {
  interface Window { __cspViolations?: string[] }
}

describe('Content-Security-Policy', () => {
  it('the page trains, evaluates and exports a PNG under its CSP without a violation; an inline script is refused', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const consoleCsp: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text()); });
    const config = { ...defaultConfig(), ...TINY, seed: 5, pairs: 16, steps: 12 };
    await page.goto(appUrl(cpuQuery(config)));
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(meta).toContain("default-src 'self'");
    expect(meta).not.toContain("'unsafe-eval'");

    await waitForEvaluation(page, 12);
    const state = await pageState(page);
    expect(state.engine).toBe('cpu');
    expect(state.error).toBeNull();
    await page.getByRole('button', { name: 'PNG' }).first().click(); // draws the panel's SVG through a data: image
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(consoleCsp).toEqual([]);

    // the policy is live: an inline script is refused and reported, so the listener above would have seen a violation
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate(() => window.__cspViolations!)).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
  });
});
