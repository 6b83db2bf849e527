import { SCREENSHOTS, screenshot, seriousViolations } from '../support/browser.js';
import type { TestRole } from '../support/server.js';
import { story } from './story.js';

/** Every page in three languages at two widths: axe-core and a screenshot each. */
export function screenshotsChapter(): void {
  it('every page at 1280 and 390 pixels wide has no serious or critical axe-core violation, and is photographed in Dutch, French and English', async () => {
    const decision = (await story.server.request('GET', '/deliberations/24-130')).body.recordedAt;
    const pages: [TestRole | null, string, string][] = [
      [null, 'sign-in', '/desk/sign-in'],
      ['secretariat', 'register', '/'],
      ['secretariat', 'record', '/desk/record'],
      ['secretariat', 'deliberation', '/desk/deliberations/24-130'],
      ['secretariat', 'amend', '/desk/deliberations/24-130/amend'],
      ['secretariat', 'commitments', '/desk/deliberations/24-130/commitments'],
      ['secretariat', 'revoke', '/desk/deliberations/24-130/revoke'],
      ['steward', 'check', '/desk/check'],
      ['steward', 'ledger', '/desk/deliveries'],
      ['steward', 'delivery', `/desk/deliveries/${story.deliveryId}`],
      ['steward', 'output-release', '/desk/output-release'],
      ['steward', 'schedule', '/desk/schedule?asOf=2030-10-01'],
      ['auditor', 'audit', '/desk/audit'],
      ['auditor', 'deliberation-as-known', `/desk/deliberations/24-130?knownAt=${encodeURIComponent(decision)}`],
    ];
    const anonymous = await (await story.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' })).newPage();
    await anonymous.goto(`${story.server.url}/desk/sign-in`);
    const found: Record<string, unknown> = {};
    for (const language of ['nl', 'fr', 'en'])
      for (const width of [1280, 390])
        for (const [role, name, path] of pages) {
          const page = role ? story.tabs[role] : anonymous;
          await page.setViewportSize({ width, height: 900 });
          await page.evaluate(`localStorage.setItem('registry.language', '${language}')`);
          await page.goto(story.server.url + path);
          await page.locator('h1').first().waitFor();
          await page.locator('.loading').first().waitFor({ state: 'detached' });
          expect(await page.evaluate('document.documentElement.lang')).toBe(language);
          // axe in Dutch (the committee's first language) at both widths; the catalogues change words, not structure.
          if (language === 'nl') {
            const violations = await seriousViolations(page);
            if (violations.length) found[`${language}-${width}-${name}`] = violations;
          }
          await screenshot(page, `${language}-${width}-${name}`);
          if (language === 'en' && width === 1280 && name === 'deliberation')
            await page.screenshot({ path: `${SCREENSHOTS}/readme-desk.png` });
        }
    expect(found).toEqual({});
  }, 600_000);
}
