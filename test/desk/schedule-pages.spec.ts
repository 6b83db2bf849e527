import type { Browser, Page } from 'playwright-core';
import { ensureDeskBuilt, launchChromium, see } from '../support/browser.js';
import { smallDeliberation } from '../support/documents.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { deliver, expectStatus } from '../e2e/helpers.js';
import { checkAccessible, signIn } from './harness.js';

/**
 * The destruction schedule is keyset-paged by the server (100 a page unless `?limit=`). The desk's
 * list pages through it, and each month of the calendar shows every deadline of that month,
 * however many pages the schedule has. Three small deliberations, judged on 30/11/2025 with 90
 * days: 25/001 overdue (31/10/2025), 25/002 due (31/12/2025), 25/003 pending (30/06/2027).
 */
const DEADLINES = { '25/001': '2025-10-31', '25/002': '2025-12-31', '25/003': '2027-06-30' } as const;
const SCHEDULE = '/desk/schedule?asOf=2025-11-30&within=90';
/** Obligations of 25/001 recorded after the small schedule: more than a page on their own. */
const BULK = 101;

let server: TestServer;
let browser: Browser;
let page: Page;
/** When the small schedule (two, three and two obligations) was all recorded. */
let smallKnownAt: string;

const delivery = (deliberation: string, reference: string) => ({
  deliberation,
  recipient: 'uni-x',
  dataset: 'extract',
  access: 'transfer',
  on: '2025-02-03',
  referenceYears: [2022],
  variables: ['p.age'],
  subjects: 100,
  reference,
});

beforeAll(async () => {
  ensureDeskBuilt();
  server = await startTestServer();
  for (const [number, destroyBy] of Object.entries(DEADLINES))
    expectStatus(await server.request('POST', '/deliberations', { body: { ...smallDeliberation(number), retention: { destroyBy } } }), 201);
  for (const [number, count] of [
    ['25/001', 2],
    ['25/002', 3],
    ['25/003', 2],
  ] as const)
    for (let i = 0; i < count; i++) await deliver(server, delivery(number, `${number}-${i}`));
  smallKnownAt = new Date().toISOString();
  for (let i = 0; i < BULK; i++) await deliver(server, delivery('25/001', `BULK-${i}`));
  browser = await launchChromium();
  page = await signIn(browser, server, 'auditor');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Locator = ReturnType<Page['locator']>;
const rowsOf = (table: Locator) => table.locator('tbody tr').allTextContents();
const scheduleTable = () => page.getByRole('table', { name: 'Destruction schedule' });
const pager = () => page.getByRole('navigation', { name: 'Pages of the destruction schedule' });
const calendar = () => page.locator('section.calendar');

/** Clicks Next until it is disabled; the rows of each page, in order. */
async function pageThrough(): Promise<string[][]> {
  const seen: string[][] = [];
  for (let n = 1; ; n++) {
    await see(pager()).toContainText(`Page ${n}`);
    await see(scheduleTable().locator('tbody tr').first()).toBeVisible();
    seen.push(await rowsOf(scheduleTable()));
    const next = pager().getByRole('button', { name: 'Next' });
    if (await next.isDisabled()) break;
    await next.click();
  }
  return seen;
}

describe('the schedule page shows every obligation of a schedule longer than a page', () => {
  it('the list pages through all 108 obligations, 100 then 8, and the calendar shows all 103 deadlines of October 2025', async () => {
    await page.goto(`${server.url}${SCHEDULE}`);
    await see(calendar()).toContainText('October 2025');
    await see(calendar().locator('.event')).toHaveCount(BULK + 2);
    await see(calendar()).toContainText('103 deadlines this month.');
    const seen = await pageThrough();
    expect(seen.map((rows) => rows.length)).toEqual([100, 8]);
    expect(seen.flat().filter((row) => row.includes('31/10/2025'))).toHaveLength(BULK + 2);
    await checkAccessible(page, 'schedule-pages-bulk');
  }, 60_000);

  it('two a page: overdue, due and pending with their days left, page by page, and the calendar follows the pages of its month', async () => {
    await page.goto(`${server.url}${SCHEDULE}&knownAt=${encodeURIComponent(smallKnownAt)}&limit=2`);
    const seen = await pageThrough();
    expect(seen.map((rows) => rows.length)).toEqual([2, 2, 2, 1]);
    const rows = seen.flat();
    expect(rows.slice(0, 2).every((row) => row.includes('31/10/2025') && row.includes('-30overdue'))).toBe(true);
    expect(rows.slice(2, 5).every((row) => row.includes('31/12/2025') && row.includes('31due'))).toBe(true);
    expect(rows.slice(5).every((row) => row.includes('30/06/2027') && row.includes('577pending'))).toBe(true);
    await see(pager()).toContainText('rows 7–7');

    await see(calendar()).toContainText('October 2025');
    await see(calendar().locator('.event')).toHaveCount(2);
    const nextMonth = calendar().getByRole('button', { name: 'Next month' });
    await nextMonth.focus();
    await page.keyboard.press('Enter');
    await see(calendar()).toContainText('November 2025');
    await see(calendar()).toContainText('0 deadlines this month.');
    await page.keyboard.press('Enter');
    await see(calendar()).toContainText('December 2025');
    await see(calendar().locator('.event')).toHaveCount(3);
    await checkAccessible(page, 'schedule-pages-two-a-page');
  }, 60_000);

  it('within 0 counts no deadline ahead as due, and the calendar download asks for what the page shows', async () => {
    const knownAt = encodeURIComponent(smallKnownAt);
    await page.goto(`${server.url}/desk/schedule?asOf=2025-11-30&within=0&knownAt=${knownAt}`);
    await see(scheduleTable().locator('tbody tr')).toHaveCount(7);
    const rows = await rowsOf(scheduleTable());
    const december = rows.filter((row) => row.includes('31/12/2025'));
    expect(december).toHaveLength(3);
    expect(december.every((row) => row.includes('31pending'))).toBe(true);
    const [request] = await Promise.all([
      page.waitForRequest(/destruction-schedule\.ics/),
      page.getByRole('button', { name: 'Download (.ics)' }).click(),
    ]);
    const asked = new URL(request.url()).searchParams;
    expect([asked.get('asOf'), asked.get('within'), asked.get('knownAt')]).toEqual(['2025-11-30', '0', smallKnownAt]);
  }, 60_000);

  it('at 390 px wide, the pager and the month navigation stay within the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${SCHEDULE}&limit=2`);
    await see(pager()).toContainText('Page 1');
    await see(calendar()).toContainText('October 2025');
    for (const control of [pager().getByRole('button', { name: 'Next' }), calendar().getByRole('button', { name: 'Next month' })]) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await checkAccessible(page, 'schedule-pages-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);
});
