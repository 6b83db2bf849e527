import { startTestServer, type TestServer } from '../support/server.js';
import { deliver, expectProblem, expectStatus, record24130, sampleRelease, sleep, synthetic } from './helpers.js';

/** The ledger, the schedule, the reminders, the output releases and the deliberation list answer as known at `knownAt`, and say so. */
describe('time on every read', () => {
  let api: TestServer;
  let before: string;
  let first: string;
  let second: string;
  const get = async (path: string) => expectStatus(await api.request('GET', path, { role: 'auditor' }), 200).body;
  const at = (instant: string) => encodeURIComponent(instant);

  beforeAll(async () => {
    api = await startTestServer();
    await record24130(api);
    first = (await deliver(api, sampleRelease({ reference: 'T-1' }))).id;
    await sleep(5);
    before = new Date().toISOString();
    await sleep(5);
    second = (await deliver(api, sampleRelease({ reference: 'T-2', on: '2025-01-10' }))).id;
    expectStatus(
      await api.request('POST', `/deliveries/${first}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2025-02-01', certificateRef: 'C-1', attestedBy: 'DPO' },
      }),
      201,
    );
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2030-12-01' } }), 200);
  });
  afterAll(() => api?.close());

  it('the ledger as known at an instant: later deliveries absent, a later destruction not yet known; knownAt echoed', async () => {
    const then = await get(`/deliveries?knownAt=${at(before)}`);
    expect(then.knownAt).toBe(before);
    expect(then.items.map((d: { id: string; destroyed: boolean }) => [d.id, d.destroyed])).toEqual([[first, false]]);
    const now = await get('/deliveries');
    expect(now.items.map((d: { id: string; destroyed: boolean }) => [d.id, d.destroyed])).toEqual([
      [first, true],
      [second, false],
    ]);
  });

  it('the schedule as known at an instant, with asOf, within and knownAt echoed', async () => {
    const then = await get(`/destruction-schedule?asOf=2025-06-01&knownAt=${at(before)}`);
    expect(then).toMatchObject({ asOf: '2025-06-01', on: '2025-06-01', within: 90, knownAt: before });
    expect(then.items.map((e: { delivery: string }) => e.delivery)).toEqual([first]);
    expect((await get('/destruction-schedule?asOf=2025-06-01')).items.map((e: { delivery: string }) => e.delivery)).toEqual([second]);
  });

  it('the deliberation list as of a date and as known at an instant', async () => {
    const then = await get(`/deliberations?on=2025-01-01&knownAt=${at(before)}`);
    expect(then).toMatchObject({ on: '2025-01-01', knownAt: before });
    expect(then.items.map((d: { number: string }) => d.number)).toEqual(['24/130']);
    expect((await get('/deliberations?on=2025-01-01')).items.map((d: { number: string }) => d.number)).toEqual(['23/045', '24/130']);
  });

  it('the reminders and the output releases as known at an instant', async () => {
    expect((await get(`/reminders?knownAt=${at(before)}`)).items).toEqual([]);
    expect((await get('/reminders')).items.length).toBeGreaterThan(0);
    expect(await get(`/deliberations/24-130/output-releases?knownAt=${at(before)}`)).toEqual({ items: [], next: null, knownAt: before });
  });

  it('a bare date as knownAt means the end of that day in Brussels; a bad one is refused naming the parameter', async () => {
    expect((await get('/deliveries?knownAt=2020-01-01')).items).toEqual([]);
    expect(expectProblem(await api.request('GET', '/deliveries?knownAt=yesterday', { role: 'auditor' }), 400).errors[0].path).toBe(
      '/query/knownAt',
    );
  });
});
