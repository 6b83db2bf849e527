import { DeliveryService } from '../../apps/registry/src/releases/delivery.service.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { allSchedulePages, cohort, deliver, expectProblem, expectStatus, recordThreeDeadlines, sampleRelease } from './helpers.js';

/**
 * `destroyByFrom` and `destroyByTo` keep only the obligations whose deadline is in that range
 * (both ends included), keyset-paged within it: what a month of the desk's calendar asks for.
 */
describe('destruction schedule: a range of deadlines', () => {
  let api: TestServer;
  const asOf = '2025-01-01';

  const walk = (query: string, limit: number) => allSchedulePages(api, `asOf=${asOf}&${query}`, limit);

  beforeAll(async () => {
    api = await startTestServer();
    await recordThreeDeadlines(api); // 24/130 2030-12-31, 23/045 2027-06-30, 23/080 2026-03-31
    for (const [i, on] of ['2023-05-02', '2023-06-15', '2023-07-01'].entries()) {
      await deliver(api, cohort('23/045', on, `M-${i}`));
      await deliver(api, cohort('23/080', on, `E-${i}`));
    }
    await deliver(api, sampleRelease({ reference: 'S-1' }));
  });
  afterAll(() => api?.close());

  const whole = () => api.server.app.get(DeliveryService, { strict: false }).schedule(asOf);

  it.each([
    ['destroyByFrom=2026-03-01&destroyByTo=2026-03-31', '2026-03-01', '2026-03-31', 1],
    ['destroyByFrom=2026-04-01&destroyByTo=2030-12-31', '2026-04-01', '2030-12-31', 2],
    ['destroyByFrom=2027-06-30', '2027-06-30', '9999-12-31', 1],
    ['destroyByTo=2027-06-30', '0001-01-01', '2027-06-30', 4],
    ['destroyByFrom=2027-07-01&destroyByTo=2030-12-30', '2027-07-01', '2030-12-30', 2],
  ])('%s, %#: every page together is the whole schedule cut to the range, in its order', async (query, from, to, limit) => {
    const expected = (await whole()).filter((e) => e.destroyBy >= from && e.destroyBy <= to);
    expect(await walk(query, limit)).toEqual(expected);
  });

  it('the ranges are not empty where deadlines fall, and a range without deadlines is an empty last page', async () => {
    expect((await walk('destroyByFrom=2026-03-01&destroyByTo=2026-03-31', 100)).length).toBe(3);
    expect((await walk('destroyByFrom=2030-12-01&destroyByTo=2030-12-31', 100)).length).toBe(1);
    const empty = expectStatus(
      await api.request('GET', `/destruction-schedule?asOf=${asOf}&destroyByFrom=2028-01-01&destroyByTo=2028-01-31`, { role: 'auditor' }),
      200,
    );
    expect(empty.body).toMatchObject({ items: [], next: null });
  });

  it.each([
    ['destroyByFrom=2026-02-30', '/query/destroyByFrom'],
    ['destroyByTo=soon', '/query/destroyByTo'],
    ['destroyByFrom=2026-04-01&destroyByTo=2026-03-31', '/query/destroyByTo'],
  ])('%s is a 400 naming %s', async (query, path) => {
    const problem = expectProblem(await api.request('GET', `/destruction-schedule?asOf=${asOf}&${query}`, { role: 'auditor' }), 400);
    expect(problem.errors).toEqual([{ path, message: expect.any(String) }]);
  });

  it('the iCalendar feed takes no deadline range (it is the whole schedule)', async () => {
    const problem = expectProblem(
      await api.request('GET', `/destruction-schedule.ics?asOf=${asOf}&destroyByFrom=2026-03-01`, { role: 'auditor' }),
      400,
    );
    expect(JSON.stringify(problem.errors)).toContain('destroyByFrom');
  });
});
