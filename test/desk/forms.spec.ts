import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, eventually, launchChromium, see } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { deliver, record24130, sampleRelease } from '../e2e/helpers.js';
import { checkAccessible, signIn } from './harness.js';

/** The record form's datasets, tables and variables by form; validation messages in the chosen language. */
let server: TestServer;
let browser: Browser;
let secretariat: Page;

beforeAll(async () => {
  ensureDeskBuilt();
  server = await startTestServer();
  browser = await launchChromium();
  secretariat = await signIn(browser, server, 'secretariat');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fillIdentity(page: Page) {
  await page.getByLabel('Number', { exact: true }).first().fill('25/300');
  await page.getByLabel('Decided on', { exact: true }).first().fill('07/01/2025');
  await page.getByLabel('In force from').fill('20/01/2025');
  await page.getByLabel('Reference years').fill('2022, 2023');
  await page.getByRole('button', { name: 'Add a party' }).click();
  const party = page.getByRole('group', { name: 'Party 1' });
  await party.getByLabel('Name').fill('University X');
  await party.getByLabel('Id (lower case, hyphens)').fill('uni-x');
  await party.getByLabel('recipient', { exact: true }).check();
}

async function buildCatalogue(page: Page) {
  await page.getByText('Show and edit the variables').click();
  for (const [n, code, category, label] of [
    [1, 'p.age', 'person', 'Age class'],
    [2, 'w.sector', 'work', 'Sector'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a variable' }).click();
    const variable = page.getByRole('group', { name: `Variable ${n}` });
    await variable.getByLabel('Code').fill(code);
    await variable.getByLabel('Category').fill(category);
    await variable.getByLabel('Label').fill(label);
  }
  await page.getByRole('button', { name: 'Add a table' }).click();
  const table = page.getByRole('group', { name: 'Table 1' });
  await table.getByLabel('Table name').fill('t1');
  const nextYear = table.getByRole('group', { name: 'Year T+1' });
  await nextYear.getByLabel('chosen categories and variables').check();
  await nextYear.getByText('And these variables').click();
  await nextYear.getByLabel('w.sector').check();
  await page.getByRole('button', { name: 'Add a dataset' }).click();
  const dataset = page.getByRole('group', { name: 'Dataset 1' });
  await dataset.getByLabel('Dataset name').fill('extract');
  await dataset.getByLabel('Access mode').selectOption('secure-onsite');
  await dataset.getByLabel('Subject limit').fill('many');
  await dataset.getByLabel('t1').check();
  return dataset;
}

describe('the record form by form, and its messages in the chosen language', () => {
  it('records datasets, tables and variables entered by form, with the schema error next to the subject limit', async () => {
    const page = secretariat;
    await page.goto(`${server.url}/desk/record`);
    await fillIdentity(page);
    const dataset = await buildCatalogue(page);
    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    const limit = dataset.locator('.field-invalid', { has: page.getByLabel('Subject limit') });
    await see(limit.locator('.error')).toContainText('Give a number.');
    await see(dataset.getByLabel('Subject limit')).toHaveValue('many');
    await checkAccessible(page, 'record-by-form-error');
    expect((await server.request('GET', '/deliberations')).body.items).toEqual([]);

    await dataset.getByLabel('Subject limit').fill('1 500');
    await eventually(async () => expect(await page.getByLabel('Catalogue (YAML or JSON)').inputValue()).toContain('maxSubjects: 1500'));
    await page.getByRole('button', { name: 'Record the deliberation' }).click();
    await see(page.getByRole('status').filter({ hasText: 'Deliberation 25/300 is recorded' })).toBeVisible();
    const recorded = (await server.request('GET', '/deliberations/25-300')).body;
    expect(recorded.variables.map((v: { code: string }) => v.code)).toEqual(['p.age', 'w.sector']);
    expect(recorded.tables).toEqual([{ id: 't1', offsets: { T: { all: true }, 'T+1': { categories: [], variables: ['w.sector'] } } }]);
    expect(recorded.datasets).toEqual([
      { id: 'extract', kind: 'pseudonymised', access: 'secure-onsite', maxSubjects: 1500, tables: ['t1'], personalData: true },
    ]);
  });

  it("shows the browser's and the server's validation messages in French", async () => {
    await record24130(server);
    const delivery = await deliver(server, sampleRelease({ reference: 'FR-1' }));
    const page = await signIn(browser, server, 'steward');
    await page.evaluate("localStorage.setItem('registry.language', 'fr')");
    await page.goto(`${server.url}/desk/deliveries/${delivery.id}`);
    await page.getByRole('button', { name: "Enregistrer l'attestation" }).click();
    await see(page.locator('.field-invalid .error')).toContainText('Ce champ est obligatoire.');
    await page.getByLabel('Détruite le').fill('01/12/2024');
    await page.getByLabel("Référence de l'attestation").fill('CERT-FR');
    await page.getByLabel('Attestée par').fill('DPO');
    await page.getByRole('button', { name: "Enregistrer l'attestation" }).click();
    await see(page.locator('.problem li')).toContainText('Est antérieure à la date de livraison 02/12/2024.');
    await checkAccessible(page, 'fr-delivery-server-error');
    await page.context().close();
  });
});
