import { see } from '../support/browser.js';
import { catalogue, checkPage, deliberation, SEED, story } from './story.js';

/** The secretariat drafts 24/130 from its published text, records it, amends it and records the commitments. */
export function secretariatChapter(): void {
  it('serves the desk at / and keeps the API, /docs and /health where they were', async () => {
    const page = await fetch(`${story.server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await story.server.request('GET', '/deliberations', { role: null })).status).toBe(401);
    expect((await fetch(`${story.server.url}/health`)).status).toBe(200);
    expect((await story.server.request('GET', '/session', { role: 'steward' })).body).toEqual({ actor: 'steward-actor', role: 'steward' });
  });

  it('drafts 24/130 from the seed text, refuses an incomplete form field by field, then records it', async () => {
    const page = story.tabs.secretariat;
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
    expect((await story.server.request('GET', '/deliberations')).body.items).toEqual([]);
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

    const recorded = (await story.server.request('GET', '/deliberations/24-130?on=2024-10-01')).body;
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
    const page = story.tabs.secretariat;
    await page.goto(`${story.server.url}/desk/deliberations/24-130/amend`);
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
    const other = await story.server.request('POST', '/deliberations/24-130/commitments', {
      body: { party: 'dwse', kind: 'non-reidentification', signedOn: '2024-10-01' },
    });
    expect(other.status).toBe(201);
    await page.getByRole('button', { name: 'Record the amendment' }).click();
    await see(page.locator('.conflict')).toContainText('Someone else changed this deliberation first');
    await see(page.locator('.conflict')).toContainText('version 2');
    await see(page.getByLabel('Summary')).toHaveValue('Adds a scrambled dataset');
    expect((await story.server.request('GET', '/deliberations/24-130')).body.amendments).toEqual([]);
    await checkPage('secretariat', 'amend-conflict');

    await page.getByRole('button', { name: 'Record the amendment' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Amendment 1 is recorded' })).toBeVisible();
    const amended = (await story.server.request('GET', '/deliberations/24-130?on=2024-11-21')).body;
    expect(amended.datasets.map((d: { id: string }) => d.id)).toEqual(['sample', 'population', 'scrambled']);
    expect(amended.amendments[0]).toMatchObject({
      decidedOn: '2024-11-05',
      effectiveFrom: '2024-11-21',
      summary: 'Adds a scrambled dataset',
    });
  });

  it('records the commitments, and the deliberation page shows each one signed', async () => {
    const page = story.tabs.secretariat;
    for (const signature of [
      'steunpunt-werk|joint-and-several-liability',
      'dwse|joint-and-several-liability',
      'steunpunt-werk|non-reidentification',
    ]) {
      await page.goto(`${story.server.url}/desk/deliberations/24-130/commitments`);
      await page.getByLabel('Party and commitment').selectOption(signature);
      await page.getByLabel('Signed on').fill('01/10/2024');
      await page.getByLabel('Document reference').fill(`SIGNED-${signature}`);
      await page.getByRole('button', { name: 'Record the commitment' }).click();
      await see(page.getByRole('status').filter({ hasText: 'The commitment is recorded' })).toBeVisible();
    }
    await checkPage('secretariat', 'commitments');
    await page.goto(`${story.server.url}/desk/deliberations/24-130`);
    const commitments = page.locator('section', { has: page.getByRole('heading', { name: 'Required commitments' }) });
    await see(commitments.locator('td.signed')).toHaveCount(4);
    await see(commitments.locator('td.missing')).toHaveCount(0);
    await see(page.getByRole('heading', { name: 'Deliberation 24/130' })).toContainText('in force');
    await checkPage('secretariat', 'deliberation');
  });
}
