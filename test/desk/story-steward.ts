import { see } from '../support/browser.js';
import { KEYS } from '../support/server.js';
import { checkPage, story } from './story.js';

/** A steward checks a release, records the delivery, the reminders, the destruction and an output release; faults keep what was typed. */
export function stewardChapter(): void {
  it('a steward checks a release refused for three reasons, applies each fix, and records the delivery from the authorised answer', async () => {
    const page = story.tabs.steward;
    await page.getByRole('link', { name: 'Check a release' }).click();
    await page.getByLabel('Deliberation', { exact: true }).fill('24/130');
    await page.getByLabel('Recipient (party id)').fill('steunpunt-werk');
    await page.getByLabel('Dataset', { exact: true }).fill('sample');
    await page.getByLabel('Reference years').fill('2019, 2021');
    await page.getByLabel('Number of persons').fill('20000');
    await page.getByLabel('Release date').fill('25/11/2024');
    await page.getByLabel('Variables', { exact: true }).fill('person.sex\nperson.deceased');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Not authorised on 25/11/2024: 3 reasons.' })).toBeVisible();
    const reasons = page.locator('ol.reasons > li');
    await see(reasons).toHaveCount(3);
    await see(page.locator('ol.reasons')).toContainText('Reference year not authorised');
    await see(page.locator('ol.reasons')).toContainText('To pass: drop person.deceased.');
    await see(page.locator('ol.reasons')).toContainText('To pass: ask for at most 10,000 persons.');
    await checkPage('steward', 'check-refused');

    for (const fix of ['Drop these years', 'Drop them', 'Use this limit']) await page.getByRole('button', { name: fix }).click();
    await see(page.getByLabel('Reference years')).toHaveValue('2021');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(page.getByRole('heading', { name: 'Authorised under 24/130 on 25/11/2024.' })).toBeVisible();
    await page.getByLabel('Delivery reference').fill('KSZ-2024-0042');
    await page.getByLabel('Checksum (SHA-256)').fill('ab'.repeat(32));
    await page.getByLabel('Medium').fill('sftp');
    await checkPage('steward', 'check-authorised');
    await page.getByRole('button', { name: 'Record the delivery' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Delivery of 25/11/2024 recorded; destroy by 31/12/2030.' })).toBeVisible();
    const ledger = (await story.server.request('GET', '/deliveries')).body.items;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      recipient: 'steunpunt-werk',
      dataset: 'sample',
      referenceYears: [2021],
      variables: ['person.sex'],
      reference: 'KSZ-2024-0042',
      destroyBy: '2030-12-31',
    });
    story.deliveryId = ledger[0].id;
  });

  it('the schedule lists the obligation as a list and on the month calendar, and the reminders issued show with their send status', async () => {
    const page = story.tabs.steward;
    await page.goto(`${story.server.url}/desk/schedule?asOf=2030-10-01`);
    await see(page.getByText('1 obligation open on 01/10/2030.')).toBeVisible();
    const row = page.locator('tbody tr', { hasText: 'steunpunt-werk' }).first();
    await see(row).toContainText('31/12/2030');
    await see(row).toContainText('91');
    await see(page.locator('.calendar')).toContainText('December 2030');
    await see(page.locator('.calendar .event')).toHaveText('sample · steunpunt-werk');
    await page.getByRole('button', { name: 'Issue the reminders due on 01/10/2030' }).click();
    await see(page.getByText('1 reminder issued.')).toBeVisible();
    await see(page.locator('table', { hasText: 'Threshold' })).toContainText('180 days before');
    await checkPage('steward', 'schedule');
    await page.goto(`${story.server.url}/desk/deliveries/${story.deliveryId}`);
    await see(page.locator('table', { hasText: 'Threshold' })).toContainText('180 days before');
  });

  it('records the destruction certificate, after which the ledger shows it and the schedule no longer lists it', async () => {
    const page = story.tabs.steward;
    await page.getByLabel('Destroyed on').fill('20/11/2026');
    await page.getByLabel('Certificate reference').fill('CERT-2026-7');
    await page.getByLabel('Attested by').fill('DPO Steunpunt Werk');
    await checkPage('steward', 'delivery');
    await page.getByRole('button', { name: 'Record the certificate' }).click();
    await see(page.locator('dl.facts')).toContainText('destroyed on 20/11/2026, certificate CERT-2026-7');
    await page.getByRole('link', { name: 'Delivery ledger' }).click();
    await see(page.locator('tbody')).toContainText('destroyed on 20/11/2026');
    await checkPage('steward', 'ledger');
    await page.goto(`${story.server.url}/desk/schedule?asOf=2030-10-01`);
    await see(page.getByText('0 obligations open on 01/10/2030.')).toBeVisible();
  });

  it("records an output release, and shows the server's problem when the small-cell analysis came after the release", async () => {
    const page = story.tabs.steward;
    await page.getByRole('link', { name: 'Output release' }).click();
    await page.getByLabel('Deliberation').fill('24/130');
    await page.getByLabel('Dataset').fill('population');
    await page.getByLabel('What is released').fill('Labour reserve by province, 2021');
    await page.getByLabel('Released on').fill('01/12/2024');
    await page.getByLabel('Performed on').fill('02/12/2024');
    await page.getByLabel('Performed by').fill('KSZ statistics unit');
    await page.getByRole('button', { name: 'Record the output release' }).click();
    await see(page.locator('.problem')).toContainText('analysis');
    await see(page.getByLabel('What is released')).toHaveValue('Labour reserve by province, 2021');
    await checkPage('steward', 'output-release-refused');
    await page.getByLabel('Performed on').fill('28/11/2024');
    await page.getByRole('button', { name: 'Record the output release' }).click();
    await see(page.getByText('The output release is recorded.')).toBeVisible();
    expect((await story.server.request('GET', '/deliberations/24-130/output-releases')).body.items).toHaveLength(1);
  });

  it('a lost connection or a 503 says so and keeps what was typed; a refused key returns to the sign-in with a message', async () => {
    const page = story.tabs.steward;
    await page.getByRole('link', { name: 'Check a release' }).click();
    await page.getByLabel('Recipient (party id)').fill('dwse');
    await page.getByLabel('Dataset', { exact: true }).fill('sample');
    await page.route('**/authorisation-checks', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(page.locator('.problem')).toContainText('The registry cannot be reached');
    await see(page.locator('.problem')).toContainText('what you typed is kept');
    await see(page.getByLabel('Recipient (party id)')).toHaveValue('dwse');
    await page.unroute('**/authorisation-checks');
    await page.route('**/authorisation-checks', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'the event store cannot be reached' }),
      }),
    );
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await see(page.locator('.problem')).toContainText('temporarily unavailable (503)');
    await see(page.getByLabel('Dataset', { exact: true })).toHaveValue('sample');
    await page.unroute('**/authorisation-checks');

    await page.evaluate("sessionStorage.setItem('registry.apiKey', 'a-key-that-was-revoked')");
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await see(page.getByRole('alert')).toContainText('Your key was refused');
    expect(await page.evaluate("sessionStorage.getItem('registry.apiKey')")).toBeNull();
    await page.getByLabel('API key').fill(KEYS.steward);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
  });
}
