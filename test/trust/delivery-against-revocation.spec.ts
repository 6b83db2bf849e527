import { checkRelease, deliberationStreamId, timelineOf, type DeliberationEvent, type Recorded } from '@registry/domain';
import { startTestServer, type TestServer } from '../support/server.js';
import { testTarget } from '../support/database.js';
import { commitSynthetic, expectStatus, sleep, synthetic } from '../e2e/helpers.js';

/** Every event of the log in global order, through the auditors' feed. */
async function feed(api: TestServer): Promise<any[]> {
  const events: any[] = [];
  for (let after = ''; ;) {
    const page = expectStatus(
      await api.request('GET', `/events?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { role: 'auditor' }),
      200,
    ).body;
    if (page.items.length === 0) return events;
    events.push(...page.items);
    after = page.next;
  }
}

/**
 * Issue 10, fault 4: a revocation recorded while 50 deliveries are being recorded. Every
 * delivery that is recorded must be authorised by the deliberation as it stood at the
 * delivery's own position in the global log (no revocation before it that forbids it).
 */
describe(`fault 4 on ${testTarget}: deliveries recorded concurrently with a revocation`, () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    expectStatus(await api.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
    await commitSynthetic(api, '23-045');
  }, 60_000);
  afterAll(async () => api?.close());

  it('every recorded delivery is authorised by the deliberation as it stood at its position in the log', async () => {
    const delivery = (i: number) => ({
      deliberation: '23/045',
      recipient: 'ugent',
      dataset: 'cohort',
      on: '2023-06-15',
      referenceYears: [2016],
      variables: ['demo.age'],
      reference: `RACE-${i}`,
    });
    // Sent over ~150 ms with the revocation in the middle: some come before it, some race it, some after.
    const deliveries = Array.from({ length: 50 }, (_, i) =>
      sleep(i * 3).then(() => api.request('POST', '/deliveries', { role: 'steward', body: delivery(i) })),
    );
    await sleep(40);
    const revoked = await api.request('POST', '/deliberations/23-045/revocation', {
      body: { decidedOn: '2023-05-01', effectiveFrom: '2023-05-02', reason: 'race' },
    });
    expectStatus(revoked, 201);
    const answers = await Promise.all(deliveries);
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 422)).toEqual([]);

    const stream = deliberationStreamId('23-045');
    const deliberationSoFar: Recorded<DeliberationEvent>[] = [];
    const unauthorised: string[] = [];
    let recorded = 0;
    for (const event of await feed(api)) {
      if (event.streamId === stream)
        deliberationSoFar.push({
          type: event.type,
          data: event.data,
          revision: event.revision,
          recordedAt: event.metadata.recordedAt,
        } as Recorded<DeliberationEvent>);
      if (event.type !== 'DeliveryRecorded' || event.data.deliberation !== '23/045') continue;
      recorded++;
      const verdict = checkRelease(timelineOf([...deliberationSoFar]), { ...event.data, access: event.data.access }, '23/045');
      if (!verdict.authorised) unauthorised.push(`${event.data.reference}: ${verdict.reasons.map((r) => r.code).join(',')}`);
    }
    expect(recorded).toBe(answers.filter((a) => a.status === 201).length);
    if (process.env.SHOW_RACE) console.log(`recorded ${recorded}, refused ${answers.length - recorded}`);
    expect(recorded).toBeGreaterThan(0);
    expect(unauthorised).toEqual([]);
  }, 60_000);
});
