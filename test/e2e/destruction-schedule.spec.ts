import ical, { type VEvent } from 'node-ical';
import { startTestServer, type TestServer } from '../support/server.js';
import { brusselsDate } from '@registry/domain';
import { cohort, recordThreeDeadlines, deliver, expectProblem, expectStatus, itemsOf, sampleRelease } from './helpers.js';

describe('GET /destruction-schedule and its iCalendar feed', () => {
  let api: TestServer;
  let sample: string; // 24/130, destroyBy 2030-12-31
  let early: string; // 23/080, destroyBy 2026-03-31
  let middle: string; // 23/045, destroyBy 2027-06-30
  let destroyed: string;
  const schedule = async (query: string) => {
    const res = expectStatus(await api.request('GET', `/destruction-schedule${query}`, { role: 'auditor' }), 200);
    return itemsOf(res.body);
  };

  beforeAll(async () => {
    api = await startTestServer();
    await recordThreeDeadlines(api);
    // Recorded out of deadline order on purpose.
    sample = (await deliver(api, sampleRelease({ reference: 'S-1' }))).id;
    middle = (await deliver(api, cohort('23/045', '2023-06-01', 'M-1'))).id;
    early = (await deliver(api, cohort('23/080', '2023-07-01', 'E-1'))).id;
    destroyed = (await deliver(api, cohort('23/080', '2023-08-01', 'E-2'))).id;
    // No obligations: scrambled and secure-onsite deliveries.
    await deliver(api, sampleRelease({ dataset: 'scrambled', subjects: undefined, reference: 'S-2' }));
    await deliver(api, sampleRelease({ dataset: 'population', access: 'secure-onsite', subjects: 100, reference: 'S-3' }));
    expectStatus(
      await api.request('POST', `/deliveries/${destroyed}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2024-01-10', certificateRef: 'CERT-E2', attestedBy: 'DPO' },
      }),
      201,
    );
  });
  afterAll(() => api?.close());

  it('a delivery of the 24/130 sample is due with 46 days left on 2030-11-15', async () => {
    const items = await schedule('?asOf=2030-11-15');
    expect(items.find((i) => i.delivery === sample)).toEqual({
      delivery: sample,
      deliberation: '24/130',
      dataset: 'sample',
      recipient: 'steunpunt-werk',
      deliveredOn: '2024-12-02',
      destroyBy: '2030-12-31',
      daysLeft: 46,
      status: 'due',
    });
  });

  it('lists every undestroyed obligation sorted by destroyBy, with overdue / due / pending', async () => {
    const items = await schedule('?asOf=2026-01-15');
    expect(items.map((i) => i.delivery)).toEqual([early, middle, sample]);
    expect(items.map((i) => [i.destroyBy, i.daysLeft, i.status])).toEqual([
      ['2026-03-31', 75, 'due'],
      ['2027-06-30', 531, 'pending'],
      ['2030-12-31', 1811, 'pending'],
    ]);
    const later = await schedule('?asOf=2026-04-01');
    expect(later[0]).toMatchObject({ delivery: early, daysLeft: -1, status: 'overdue' });
    const onTheDay = await schedule('?asOf=2026-03-31');
    expect(onTheDay[0]).toMatchObject({ delivery: early, daysLeft: 0, status: 'due' });
  });

  it('`within` sets the due window (default 90 days)', async () => {
    // 2027-06-30 is 91 days after 2027-03-31 and 90 days after 2027-04-01.
    expect((await schedule('?asOf=2027-03-31')).find((i) => i.delivery === middle).status).toBe('pending');
    expect((await schedule('?asOf=2027-04-01')).find((i) => i.delivery === middle).status).toBe('due');
    expect((await schedule('?asOf=2027-03-31&within=91')).find((i) => i.delivery === middle).status).toBe('due');
    expect((await schedule('?asOf=2026-01-15&within=10')).map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
    expect((await schedule('?asOf=2026-01-15&within=2000')).map((i) => i.status)).toEqual(['due', 'due', 'due']);
  });

  it('destroyed deliveries and deliveries with no obligation are not in the schedule', async () => {
    const items = await schedule('?asOf=2026-01-15');
    expect(items.map((i) => i.delivery)).not.toContain(destroyed);
    expect(items).toHaveLength(3);
    expectStatus(
      await api.request('POST', `/deliveries/${early}/destruction`, {
        role: 'steward',
        body: { destroyedOn: '2026-03-20', certificateRef: 'CERT-E1', attestedBy: 'DPO' },
      }),
      201,
    );
    // SPEC "Schedule as of a date": the certificate is dated 2026-03-20, so on 2026-01-15 the copy was still owed.
    expect((await schedule('?asOf=2026-01-15')).map((i) => i.delivery)).toEqual([early, middle, sample]);
    expect((await schedule('?asOf=2026-03-20')).map((i) => i.delivery)).toEqual([middle, sample]);
  });

  it('Schedule as of a date: a delivery dated after asOf, or destroyed on or before it, is not owed on that date', async () => {
    expect((await schedule('?asOf=2023-06-15')).map((i) => i.delivery)).toEqual([middle]);
    expect((await schedule('?asOf=2024-01-09')).map((i) => i.delivery)).toEqual([early, destroyed, middle]);
    expect((await schedule('?asOf=2024-01-10')).map((i) => i.delivery)).toEqual([early, middle]);
    expect(await schedule('?on=2024-01-10')).toEqual(await schedule('?asOf=2024-01-10'));
    expectProblem(await api.request('GET', '/destruction-schedule?asOf=2024-01-10&on=2024-01-11', { role: 'auditor' }), 400);
  });

  it('asOf defaults to today (Europe/Brussels)', async () => {
    const res = expectStatus(await api.request('GET', '/destruction-schedule', { role: 'steward' }), 200);
    const today = brusselsDate();
    const items = itemsOf(res.body);
    const entry = items.find((i) => i.delivery === sample);
    const days = Math.round((Date.parse('2030-12-31') - Date.parse(today)) / 86_400_000);
    expect(entry.daysLeft).toBe(days);
  });

  it('400 for a malformed asOf or within', async () => {
    expectProblem(await api.request('GET', '/destruction-schedule?asOf=2026-02-30', { role: 'auditor' }), 400);
    expectProblem(await api.request('GET', '/destruction-schedule?within=soon', { role: 'auditor' }), 400);
    expectProblem(await api.request('GET', '/destruction-schedule?within=-1', { role: 'auditor' }), 400);
  });

  it('the iCalendar feed has one all-day event per obligation on its deadline, with alarms', async () => {
    const res = expectStatus(await api.request('GET', '/destruction-schedule.ics?asOf=2026-03-20', { role: 'auditor' }), 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const parsed = ical.sync.parseICS(res.text);
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(2);
    const bySummary = (needle: string) => events.find((e) => String(e.summary).includes(needle))!;
    const sampleEvent = bySummary('sample');
    expect(String(sampleEvent.summary)).toContain('24/130');
    expect(String(sampleEvent.description)).toContain(sample);
    expect(sampleEvent.datetype).toBe('date');
    expect(sampleEvent.start.toISOString().slice(0, 10)).toBe('2030-12-31');
    const cohortEvent = bySummary('cohort');
    expect(cohortEvent.start.toISOString().slice(0, 10)).toBe('2027-06-30');
    for (const event of events) {
      const alarms = (event as unknown as { alarms?: { action?: string; trigger?: unknown }[] }).alarms ?? [];
      expect(alarms.length).toBeGreaterThanOrEqual(1);
      for (const alarm of alarms) expect(alarm.trigger).toBeDefined();
    }
    expect(res.text.match(/BEGIN:VALARM/g)?.length).toBeGreaterThanOrEqual(2);
    expect(res.text).toMatch(/TRIGGER[^:]*:-P(180|90|30|7)D/);
  });
});
