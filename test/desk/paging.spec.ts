import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, launchChromium, see } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { deliver, expectStatus, record24130, sampleRelease } from '../e2e/helpers.js';
import { checkAccessible, signIn } from './harness.js';

/**
 * The ledger and the reminders are keyset-paged by the server; the desk pages through them.
 * Five deliveries (and so five reminders) recorded through the HTTP API, shown two a page.
 */
const REFERENCES = ['PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5'];

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureDeskBuilt();
  server = await startTestServer();
  await record24130(server);
  for (const reference of REFERENCES) await deliver(server, sampleRelease({ reference }));
  expectStatus(await server.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2030-10-01' } }), 200);
  browser = await launchChromium();
  page = await signIn(browser, server, 'steward');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Locator = ReturnType<Page['locator']>;

/** Each row of `table` as its text and the addresses it links to (two reminders can read alike). */
const rowsOf = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => `${r.textContent} ${[...r.querySelectorAll('a')].map((a) => a.getAttribute('href')).join(' ')}`),
    );

/** Clicks Next until it is disabled; the rows of each page, in order. */
async function pageThrough(pager: Locator, table: Locator): Promise<string[][]> {
  const seen: string[][] = [];
  for (let n = 1; ; n++) {
    await see(pager).toContainText(`Page ${n}`);
    await see(table.locator('tbody tr').first()).toBeVisible();
    seen.push(await rowsOf(table));
    const next = pager.getByRole('button', { name: 'Next' });
    if (await next.isDisabled()) break;
    await next.click();
  }
  return seen;
}

const referenceIn = (row: string) => REFERENCES.find((r) => row.includes(r)) ?? row;

describe('the desk pages through lists longer than a page', () => {
  it('the ledger shows two deliveries a page, Next and Previous walk every delivery once, and new filters start at page 1', async () => {
    await page.goto(`${server.url}/desk/deliveries?limit=2`);
    const pager = page.getByRole('navigation', { name: 'Pages of the delivery ledger' });
    await see(pager.getByRole('button', { name: 'Previous' })).toBeVisible();
    expect(await pager.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    const ledger = page.getByRole('table', { name: 'Delivery ledger' });
    const seen = (await pageThrough(pager, ledger)).map((rows) => rows.map(referenceIn));
    expect(seen.map((rows) => rows.length)).toEqual([2, 2, 1]);
    expect(seen.flat().sort()).toEqual(REFERENCES);
    await see(pager).toContainText('rows 5–5');
    await checkAccessible(page, 'paging-ledger-last-page');

    await pager.getByRole('button', { name: 'Previous' }).click();
    await see(pager).toContainText('Page 2');
    await see(ledger.locator('tbody tr')).toHaveCount(2);
    expect((await rowsOf(ledger)).map(referenceIn)).toEqual(seen[1]);

    await page.getByLabel('Recipient').fill('steunpunt-werk');
    await page.getByRole('button', { name: 'Apply' }).click();
    await see(pager).toContainText('Page 1');
    expect(page.url()).toContain('limit=2');
  });

  it('the reminders on the schedule page show two a page and page through all five', async () => {
    await page.goto(`${server.url}/desk/schedule?asOf=2030-10-01&limit=2`);
    const pager = page.getByRole('navigation', { name: 'Pages of the reminders' });
    const seen = await pageThrough(pager, page.getByRole('table', { name: 'Reminders', exact: true }));
    expect(seen.map((rows) => rows.length)).toEqual([2, 2, 1]);
    expect(seen.flat().every((row) => row.includes('180'))).toBe(true);
    expect(new Set(seen.flat()).size).toBe(5);
    await checkAccessible(page, 'paging-reminders-last-page');
  });

  it('a list that fits on one page shows no pager', async () => {
    await page.goto(`${server.url}/desk/deliveries`);
    await see(page.locator('main table tbody tr')).toHaveCount(5);
    await see(page.getByRole('navigation', { name: 'Pages of the delivery ledger' })).toHaveCount(0);
  });

  it('the audit feed takes ?limit=, and a last page that is exactly full offers no Next to an empty page', async () => {
    const total = (expectStatus(await server.request('GET', '/events?limit=1000', { role: 'auditor' }), 200).body as { items: unknown[] })
      .items.length;
    expect(total % 2).toBe(0); // two full pages of total/2, then nothing
    const auditor = await signIn(browser, server, 'auditor');
    await auditor.goto(`${server.url}/desk/audit?limit=${total / 2}`);
    const pager = auditor.getByRole('navigation', { name: 'Event pages' });
    const feed = auditor.getByRole('table', { name: 'Event feed' });
    await see(feed.locator('tbody tr')).toHaveCount(total / 2);
    await pager.getByRole('button', { name: 'Next' }).click();
    await see(pager).toContainText('Page 2');
    await see(feed.locator('tbody tr')).toHaveCount(total / 2);
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await auditor.context().close();
  }, 60_000);
});
