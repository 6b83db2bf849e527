import { DeliveryService } from '../../apps/registry/src/releases/delivery.service.js';
import { DeadlineRangeCache } from '../../apps/registry/src/releases/deadline-ranges.js';
import { schedulePage } from '../../apps/registry/src/releases/schedule-page.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { allSchedulePages, cohort, deliver, expectProblem, expectStatus, recordThreeDeadlines, sampleRelease } from './helpers.js';

/**
 * The destruction schedule is paged in the database (deadline ranges walked in deadline order).
 * Walking every page, at any page size, must give exactly the whole schedule as judged at once
 * (DeliveryService.schedule): same items, same order, also as known at an earlier instant and
 * after an amendment moved deadlines so that two deliberations share one.
 */
describe('destruction schedule pages: the whole schedule, cut by keyset', () => {
  let api: TestServer;
  let beforeAmendment: string;

  const walk = (asOf: string, limit: number, knownAt?: string) =>
    allSchedulePages(api, `asOf=${asOf}${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`, limit);

  beforeAll(async () => {
    api = await startTestServer();
    await recordThreeDeadlines(api); // 24/130 2030-12-31, 23/045 2027-06-30, 23/080 2026-03-31
    const days = ['2023-05-02', '2023-06-15', '2023-07-01', '2023-08-20', '2023-10-05', '2023-12-01', '2024-02-10'];
    for (const [i, on] of days.entries()) {
      await deliver(api, cohort('23/045', on, `M-${i}`));
      await deliver(api, cohort('23/080', on, `E-${i}`));
    }
    await deliver(api, sampleRelease({ reference: 'S-1' }));
    const early = await deliver(api, cohort('23/080', '2023-06-15', 'E-destroyed'));
    expectStatus(
      await api.request('POST', `/deliveries/${early.id}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2024-01-10', certificateRef: 'CERT-E', attestedBy: 'DPO' },
      }),
      201,
    );
    beforeAmendment = new Date().toISOString();
    // 23/045's deliveries made before 2023-09-01 now end with 23/080's: one deadline, two deliberations.
    expectStatus(
      await api.request('POST', '/deliberations/23-045/amendments', {
        body: {
          decidedOn: '2023-08-15',
          effectiveFrom: '2023-09-01',
          summary: 'shorter',
          changes: [{ op: 'setRetention', destroyBy: '2026-03-31' }],
        },
      }),
      201,
    );
  });
  afterAll(() => api?.close());

  it.each([
    ['2023-06-30', 1],
    ['2023-12-31', 2],
    ['2024-06-01', 3],
    ['2026-04-01', 4],
    ['2024-06-01', 100],
  ])('as of %s, %i a page: every page together is the whole schedule, in its order', async (asOf, limit) => {
    const whole = await api.server.app.get(DeliveryService, { strict: false }).schedule(asOf);
    expect(whole.length).toBeGreaterThan(0);
    expect(await walk(asOf, limit)).toEqual(whole);
  });

  it('as known before the amendment, the pages give the schedule known then', async () => {
    const service = api.server.app.get(DeliveryService, { strict: false });
    const then = await service.schedule('2024-06-01', undefined, beforeAmendment);
    expect(then).not.toEqual(await service.schedule('2024-06-01'));
    expect(await walk('2024-06-01', 2, beforeAmendment)).toEqual(then);
  });

  it('one range per query (each deadline still whole): the same pages', async () => {
    const service = api.server.app.get(DeliveryService, { strict: false });
    const cache = new DeadlineRangeCache(api.server.database.dataSource, api.server.store);
    for (const [asOf, limit, knownAt] of [
      ['2024-06-01', 1, undefined],
      ['2026-04-01', 3, undefined],
      ['2024-06-01', 2, beforeAmendment],
    ] as const) {
      const items: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = await schedulePage(api.server.database.dataSource, cache, { asOf, limit, knownAt, cursor }, 1);
        items.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(items).toEqual(await service.schedule(asOf, undefined, knownAt));
    }
  });

  it('a cursor whose key is not a deadline, a day and a delivery id is a 400 on the cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['soon', '2024-01-01', 'x'])).toString('base64url');
    const problem = expectProblem(
      await api.request('GET', `/destruction-schedule?asOf=2024-06-01&cursor=${forged}`, { role: 'auditor' }),
      400,
    );
    expect(JSON.stringify(problem)).toMatch(/cursor/);
  });
});
