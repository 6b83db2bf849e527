import { see, seeUrl } from '../support/browser.js';
import { KEYS } from '../support/server.js';
import { smallDeliberation } from '../support/documents.js';
import { checkPage, story } from './story.js';

/** An auditor verifies the log and travels in time; the register filters; a revocation; an upload refused; the keyboard-only sign-in. */
export function auditorChapter(): void {
  it('an auditor verifies the log and looks at 24/130 as it was known before the amendment', async () => {
    const page = story.tabs.auditor;
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await see(page.getByText(/The log is intact: \d+ events/)).toBeVisible();
    await see(page.locator('table.events tbody tr').first()).toContainText('DeliberationRecorded');
    await checkPage('auditor', 'audit');
    await page.goto(`${story.server.url}/desk/deliberations/24-130`);
    await see(page.locator('section', { hasText: 'Datasets' }).first()).toContainText('scrambled');
    await page.getByRole('link', { name: 'as known then (Decision)' }).click();
    await seeUrl(page, /knownAt=/);
    await see(page.locator('dl.facts')).toContainText('Version\n1');
    const datasets = page.locator('section', { has: page.getByRole('heading', { name: 'Datasets' }) });
    await see(datasets).not.toContainText('scrambled');
    await see(
      page.locator('section', { has: page.getByRole('heading', { name: 'Required commitments' }) }).locator('td.missing'),
    ).toHaveCount(4);
    await page.getByText('Event trail (with hashes)').click();
    await see(page.locator('table.events code.hash').first()).toHaveText(/^[0-9a-f]{64}$/);
    await checkPage('auditor', 'deliberation-known-before-amendment');
  });

  it('the register shows the status on a chosen date and filters by status, text and recipient', async () => {
    const page = story.tabs.auditor;
    await page.getByRole('navigation').getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Status on').fill('10/09/2024');
    await page.getByRole('button', { name: 'Apply' }).click();
    await see(page.locator('table.register tbody')).toContainText('not yet in force');
    await see(page.locator('table.register tbody')).toContainText('Steunpunt Werk (KU Leuven)');
    await page.getByLabel('Status', { exact: true }).selectOption('in-force');
    await page.getByRole('button', { name: 'Apply' }).click();
    await see(page.getByText('0 deliberations on this page, status on 10/09/2024')).toBeVisible();
    await page.getByLabel('Status on').fill('01/12/2024');
    await page.getByLabel('Text').fill('arbeidsreserve');
    await page.getByLabel('Recipient (party id)').fill('dwse');
    await page.getByRole('button', { name: 'Apply' }).click();
    await see(page.locator('table.register tbody tr')).toHaveCount(1);
    await see(page.locator('table.register tbody')).toContainText('in force');
    await checkPage('auditor', 'register-filtered');
    await page.getByLabel('Text').fill('no such words');
    await page.getByRole('button', { name: 'Apply' }).click();
    await see(page.locator('table.register tbody tr')).toHaveCount(0);
  });

  it('records a revocation (with If-Match), after which the deliberation reads as revoked from that date', async () => {
    expect((await story.server.request('POST', '/deliberations', { body: smallDeliberation('25/001') })).status).toBe(201);
    const page = story.tabs.secretariat;
    await page.goto(`${story.server.url}/desk/deliberations/25-001`);
    await page.getByRole('link', { name: 'Record a revocation' }).click();
    await page.getByRole('button', { name: 'Record the revocation' }).click();
    await see(page.locator('.field-invalid')).toHaveCount(3);
    await page.getByLabel('Decided on').fill('03/03/2026');
    await page.getByLabel('Revoked from').fill('01/04/2026');
    await page.getByLabel('Reason').fill('The research project ended early');
    await page.getByRole('button', { name: 'Record the revocation' }).click();
    await see(page.getByRole('status').filter({ hasText: 'The revocation is recorded' })).toBeVisible();
    await page.getByRole('link', { name: 'Open it' }).click();
    await see(page.getByRole('heading', { name: 'Deliberation 25/001' })).toContainText('revoked');
    await see(page.locator('section', { has: page.getByRole('heading', { name: 'Time line' }) })).toContainText(
      'The research project ended early',
    );
    expect((await story.server.request('GET', '/deliberations/25-001?on=2026-03-31')).body.status).toBe('in-force');
  });

  it("an uploaded document fills the form with a preview; the server's 409 for a number already recorded is shown and nothing changes", async () => {
    const page = story.tabs.secretariat;
    await page.goto(`${story.server.url}/desk/record`);
    await page.getByLabel('Document (JSON or YAML)').setInputFiles('fixtures/24-130.deliberation.json');
    const preview = page.getByRole('region', { name: 'Preview of what will be recorded' });
    await see(preview).toContainText('Steunpunt Werk (KU Leuven) (joint controller, recipient)');
    await see(preview).toContainText('35 variables in 2 tables');
    await see(page.getByLabel('In force from')).toHaveValue('18/09/2024');
    const before = (await story.server.request('GET', '/deliberations/24-130/events')).body.items.length;
    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    await see(page.locator('.problem')).toContainText('24/130');
    await see(page.getByLabel('Number', { exact: true }).first()).toHaveValue('24/130');
    expect((await story.server.request('GET', '/deliberations/24-130/events')).body.items).toHaveLength(before);
    await page.getByRole('button', { name: 'Start again' }).click();
  });

  it('signs in with the keyboard alone: skip link, language, key, Enter', async () => {
    const page = await (await story.browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${story.server.url}/`);
    await page.getByLabel('API key').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('SELECT');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.name')).toBe('apiKey');
    await page.keyboard.type(KEYS.auditor);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
    await see(page.getByRole('navigation')).toContainText('Audit');
    await see(page.getByRole('navigation')).not.toContainText('Record a deliberation');
    await page.context().close();
  });
}
