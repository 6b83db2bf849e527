import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, launchChromium, SCREENSHOTS, screenshot, see, seeUrl, seriousViolations } from '../support/browser.js';
import { KEYS, startTestServer, type TestRole, type TestServer } from '../support/server.js';
import { fixture, smallDeliberation } from '../support/documents.js';

/**
 * The 24/130 story through the desk alone, in headless Chromium against the real service:
 * one browser for the file, one tab per role, axe-core on every page and a screenshot of each.
 */
const SEED = readFileSync(new URL('../../apps/desk/src/drafting/samples/deliberation-24-130.txt', import.meta.url), 'utf8');
const deliberation = fixture('24-130.deliberation.json');
const catalogue = JSON.stringify(
  {
    variables: deliberation.variables,
    tables: deliberation.tables,
    datasets: deliberation.datasets,
    requiredCommitments: deliberation.requiredCommitments,
    conditions: deliberation.conditions,
  },
  null,
  1,
);

let server: TestServer;
let browser: Browser;
const tabs = {} as Record<TestRole, Page>;
const visited: { role: TestRole; path: string; name: string }[] = [];
let deliveryId = '';

async function open(role: TestRole): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/`);
  await page.getByLabel('API key').fill(KEYS[role]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Register of deliberations' }).waitFor();
  return page;
}

/** axe-core finds nothing serious or critical; the page is kept for the screenshots at the end. */
async function checkPage(role: TestRole, name: string): Promise<void> {
  const page = tabs[role];
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `story-${name}`);
  visited.push({ role, name, path: new URL(page.url()).pathname + new URL(page.url()).search });
}

beforeAll(async () => {
  ensureDeskBuilt();
  browser = await launchChromium();
  server = await startTestServer();
  for (const role of ['secretariat', 'steward', 'auditor'] as const) tabs[role] = await open(role);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the desk, 24/130 from the published text to its destruction', () => {
  it('serves the desk at / and keeps the API, /docs and /health where they were', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await server.request('GET', '/deliberations', { role: null })).status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await server.request('GET', '/session', { role: 'steward' })).body).toEqual({ actor: 'steward-actor', role: 'steward' });
  });

  it('drafts 24/130 from the seed text, refuses an incomplete form field by field, then records it', async () => {
    const page = tabs.secretariat;
    await page.getByRole('link', { name: 'Record a deliberation' }).click();
    await page.getByLabel('Published text').fill(SEED);
    await page.getByRole('button', { name: 'Pre-fill the form' }).click();
    await see(page.getByLabel('Number', { exact: true }).first()).toHaveValue('24/130');
    await see(page.getByLabel('Reference', { exact: true })).toHaveValue('IVC/KSZG/24/396');
    await see(page.getByLabel('Decided on', { exact: true }).first()).toHaveValue('03/09/2024');
    await see(page.getByLabel('Destroy by')).toHaveValue('31/12/2030');
    await see(page.getByLabel('Reference years')).toHaveValue('2020, 2021, 2022');
    await see(page.locator('small.source')).toContainText('24/130');
    await checkPage('secretariat', 'record-drafted');

    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    await see(page.getByLabel('Catalogue (YAML or JSON)')).toHaveAttribute('aria-invalid', 'true');
    await see(page.locator('.field-invalid .error').first()).toBeVisible();
    expect((await server.request('GET', '/deliberations')).body.items).toEqual([]);
    await checkPage('secretariat', 'record-errors');

    await page.getByLabel('In force from').fill('18/09/2024');
    await page.getByLabel('Purpose').fill(deliberation.purpose);
    await page.getByLabel('Source (party id)').fill('ksz');
    const party = (n: number) => page.getByRole('group', { name: `Party ${n}` });
    await party(1).getByLabel('Id (lower case, hyphens)').fill('steunpunt-werk');
    await party(1).getByLabel('joint controller', { exact: true }).check();
    await party(2).getByLabel('Id (lower case, hyphens)').fill('dwse');
    await party(2).getByLabel('joint controller', { exact: true }).check();
    await page.getByRole('button', { name: 'Add a party' }).click();
    await party(3).getByLabel('Name').fill('Kruispuntbank van de Sociale Zekerheid');
    await party(3).getByLabel('Id (lower case, hyphens)').fill('ksz');
    await party(3).getByLabel('source', { exact: true }).check();
    await party(3).getByLabel('recipient', { exact: true }).uncheck();
    await page.getByLabel('Catalogue (YAML or JSON)').fill(catalogue);
    await see(page.getByRole('region', { name: 'Preview of what will be recorded' })).toContainText('sample');
    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Deliberation 24/130 is recorded' })).toBeVisible();

    const recorded = (await server.request('GET', '/deliberations/24-130?on=2024-10-01')).body;
    expect(recorded).toMatchObject({
      number: '24/130',
      reference: 'IVC/KSZG/24/396',
      decidedOn: '2024-09-03',
      effectiveFrom: '2024-09-18',
      referenceYears: [2020, 2021, 2022],
      destroyBy: '2030-12-31',
    });
    expect(recorded.parties.map((p: { id: string; roles: string[] }) => [p.id, p.roles.sort()])).toEqual([
      ['steunpunt-werk', ['joint-controller', 'recipient']],
      ['dwse', ['joint-controller', 'recipient']],
      ['ksz', ['source']],
    ]);
    expect(recorded.datasets).toEqual(deliberation.datasets);
    expect(recorded.predecessors[0]).toMatchObject({ number: '21/144', decidedOn: '2021-10-05' });
  });

  it('builds the amendment change by change, says so when someone else changed 24/130 first, keeps the input and records on the second try', async () => {
    const page = tabs.secretariat;
    await page.goto(`${server.url}/desk/deliberations/24-130/amend`);
    await page.getByLabel('Decided on').fill('05/11/2024');
    await page.getByLabel('In force from').fill('21/11/2024');
    await page.getByLabel('Summary').fill('Adds a scrambled dataset');
    await page.getByLabel('Change', { exact: true }).selectOption('addDataset');
    await page.getByLabel('Id', { exact: true }).fill('scrambled');
    await page.getByLabel('Kind').selectOption('scrambled');
    await page.getByLabel('with-next-year').check();
    await page.getByLabel('with-previous-year').check();
    await page.getByLabel('Holds personal data').uncheck();
    await page.getByRole('button', { name: 'Add this change' }).click();
    await see(page.getByRole('region', { name: 'The decision after this amendment' })).toContainText('scrambled (scrambled, transfer)');
    await checkPage('secretariat', 'amend');

    // Someone else records a commitment meanwhile: the desk's If-Match no longer holds.
    const other = await server.request('POST', '/deliberations/24-130/commitments', {
      body: { party: 'dwse', kind: 'non-reidentification', signedOn: '2024-10-01' },
    });
    expect(other.status).toBe(201);
    await page.getByRole('button', { name: 'Record the amendment' }).click();
    await see(page.locator('.conflict')).toContainText('Someone else changed this deliberation first');
    await see(page.locator('.conflict')).toContainText('version 2');
    await see(page.getByLabel('Summary')).toHaveValue('Adds a scrambled dataset');
    expect((await server.request('GET', '/deliberations/24-130')).body.amendments).toEqual([]);
    await checkPage('secretariat', 'amend-conflict');

    await page.getByRole('button', { name: 'Record the amendment' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Amendment 1 is recorded' })).toBeVisible();
    const amended = (await server.request('GET', '/deliberations/24-130?on=2024-11-21')).body;
    expect(amended.datasets.map((d: { id: string }) => d.id)).toEqual(['sample', 'population', 'scrambled']);
    expect(amended.amendments[0]).toMatchObject({
      decidedOn: '2024-11-05',
      effectiveFrom: '2024-11-21',
      summary: 'Adds a scrambled dataset',
    });
  });

  it('records the commitments, and the deliberation page shows each one signed', async () => {
    const page = tabs.secretariat;
    for (const signature of [
      'steunpunt-werk|joint-and-several-liability',
      'dwse|joint-and-several-liability',
      'steunpunt-werk|non-reidentification',
    ]) {
      await page.goto(`${server.url}/desk/deliberations/24-130/commitments`);
      await page.getByLabel('Party and commitment').selectOption(signature);
      await page.getByLabel('Signed on').fill('01/10/2024');
      await page.getByLabel('Document reference').fill(`SIGNED-${signature}`);
      await page.getByRole('button', { name: 'Record the commitment' }).click();
      await see(page.getByRole('status').filter({ hasText: 'The commitment is recorded' })).toBeVisible();
    }
    await checkPage('secretariat', 'commitments');
    await page.goto(`${server.url}/desk/deliberations/24-130`);
    const commitments = page.locator('section', { has: page.getByRole('heading', { name: 'Required commitments' }) });
    await see(commitments.locator('td.signed')).toHaveCount(4);
    await see(commitments.locator('td.missing')).toHaveCount(0);
    await see(page.getByRole('heading', { name: 'Deliberation 24/130' })).toContainText('in force');
    await checkPage('secretariat', 'deliberation');
  });

  it('a steward checks a release refused for three reasons, applies each fix, and records the delivery from the authorised answer', async () => {
    const page = tabs.steward;
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
    const ledger = (await server.request('GET', '/deliveries')).body.items;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      recipient: 'steunpunt-werk',
      dataset: 'sample',
      referenceYears: [2021],
      variables: ['person.sex'],
      reference: 'KSZ-2024-0042',
      destroyBy: '2030-12-31',
    });
    deliveryId = ledger[0].id;
  });

  it('the schedule lists the obligation as a list and on the month calendar, and the reminders issued show with their send status', async () => {
    const page = tabs.steward;
    await page.goto(`${server.url}/desk/schedule?asOf=2030-10-01`);
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
    await page.goto(`${server.url}/desk/deliveries/${deliveryId}`);
    await see(page.locator('table', { hasText: 'Threshold' })).toContainText('180 days before');
  });

  it('records the destruction certificate, after which the ledger shows it and the schedule no longer lists it', async () => {
    const page = tabs.steward;
    await page.getByLabel('Destroyed on').fill('20/11/2026');
    await page.getByLabel('Certificate reference').fill('CERT-2026-7');
    await page.getByLabel('Attested by').fill('DPO Steunpunt Werk');
    await checkPage('steward', 'delivery');
    await page.getByRole('button', { name: 'Record the certificate' }).click();
    await see(page.locator('dl.facts')).toContainText('destroyed on 20/11/2026, certificate CERT-2026-7');
    await page.getByRole('link', { name: 'Delivery ledger' }).click();
    await see(page.locator('tbody')).toContainText('destroyed on 20/11/2026');
    await checkPage('steward', 'ledger');
    await page.goto(`${server.url}/desk/schedule?asOf=2030-10-01`);
    await see(page.getByText('0 obligations open on 01/10/2030.')).toBeVisible();
  });

  it("records an output release, and shows the server's problem when the small-cell analysis came after the release", async () => {
    const page = tabs.steward;
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
    expect((await server.request('GET', '/deliberations/24-130/output-releases')).body.items).toHaveLength(1);
  });

  it('a lost connection or a 503 says so and keeps what was typed; a refused key returns to the sign-in with a message', async () => {
    const page = tabs.steward;
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

  it('an auditor verifies the log and looks at 24/130 as it was known before the amendment', async () => {
    const page = tabs.auditor;
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await see(page.getByText(/The log is intact: \d+ events/)).toBeVisible();
    await see(page.locator('table.events tbody tr').first()).toContainText('DeliberationRecorded');
    await checkPage('auditor', 'audit');
    await page.goto(`${server.url}/desk/deliberations/24-130`);
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
    const page = tabs.auditor;
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
    expect((await server.request('POST', '/deliberations', { body: smallDeliberation('25/001') })).status).toBe(201);
    const page = tabs.secretariat;
    await page.goto(`${server.url}/desk/deliberations/25-001`);
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
    expect((await server.request('GET', '/deliberations/25-001?on=2026-03-31')).body.status).toBe('in-force');
  });

  it("an uploaded document fills the form with a preview; the server's 409 for a number already recorded is shown and nothing changes", async () => {
    const page = tabs.secretariat;
    await page.goto(`${server.url}/desk/record`);
    await page.getByLabel('Document (JSON or YAML)').setInputFiles('fixtures/24-130.deliberation.json');
    const preview = page.getByRole('region', { name: 'Preview of what will be recorded' });
    await see(preview).toContainText('Steunpunt Werk (KU Leuven) (joint controller, recipient)');
    await see(preview).toContainText('35 variables in 2 tables');
    await see(page.getByLabel('In force from')).toHaveValue('18/09/2024');
    const before = (await server.request('GET', '/deliberations/24-130/events')).body.items.length;
    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    await see(page.locator('.problem')).toContainText('24/130');
    await see(page.getByLabel('Number', { exact: true }).first()).toHaveValue('24/130');
    expect((await server.request('GET', '/deliberations/24-130/events')).body.items).toHaveLength(before);
    await page.getByRole('button', { name: 'Start again' }).click();
  });

  it('signs in with the keyboard alone: skip link, language, key, Enter', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${server.url}/`);
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

  it('every page at 1280 and 390 pixels wide has no serious or critical axe-core violation, and is photographed in Dutch, French and English', async () => {
    const decision = (await server.request('GET', '/deliberations/24-130')).body.recordedAt;
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
      ['steward', 'delivery', `/desk/deliveries/${deliveryId}`],
      ['steward', 'output-release', '/desk/output-release'],
      ['steward', 'schedule', '/desk/schedule?asOf=2030-10-01'],
      ['auditor', 'audit', '/desk/audit'],
      ['auditor', 'deliberation-as-known', `/desk/deliberations/24-130?knownAt=${encodeURIComponent(decision)}`],
    ];
    const anonymous = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' })).newPage();
    await anonymous.goto(`${server.url}/desk/sign-in`);
    const found: Record<string, unknown> = {};
    for (const language of ['nl', 'fr', 'en'])
      for (const width of [1280, 390])
        for (const [role, name, path] of pages) {
          const page = role ? tabs[role] : anonymous;
          await page.setViewportSize({ width, height: 900 });
          await page.evaluate(`localStorage.setItem('registry.language', '${language}')`);
          await page.goto(server.url + path);
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
});
