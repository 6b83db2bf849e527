import { startInstances, type TestResponse, type TestServer } from '../support/server.js';
import { testTarget } from '../support/database.js';
import { commitSynthetic, expectStatus, itemsOf, synthetic } from './helpers.js';

/**
 * Three instances of the service on one PostgreSQL database (as behind a load balancer), all
 * under concurrent load: each records deliveries (every Idempotency-Key sent to two instances
 * at once), commitments, and runs reminders while the others write. Afterwards nothing
 * acknowledged is lost and nothing is doubled. Instances cannot share an in-memory PGlite (one
 * process owns it), so on PGlite this suite is skipped; run it with DATABASE_URL set.
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

const KEYS_PER_INSTANCE = 16;
const RUN_DATES = ['2027-01-01', '2027-04-01', '2027-07-01'];

/** A write that may meet its own key in progress on another instance: retried on 409 until answered. */
async function settle(send: () => Promise<TestResponse>): Promise<TestResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status !== 409 || attempt >= 50) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

onPostgres('three instances on one PostgreSQL database under concurrent load', () => {
  let instances: TestServer[] = [];
  const deliveryResponses = new Map<string, TestResponse[]>();
  const commitmentResponses: { deliberation: string; party: string; kind: string; response: TestResponse }[] = [];
  const runResponses: TestResponse[] = [];

  beforeAll(async () => {
    instances = await startInstances(3);
    for (const n of [1, 2, 3]) {
      expectStatus(await instances[n - 1].request('POST', '/deliberations', { body: synthetic(`23/04${n}`) }), 201);
      await commitSynthetic(instances[n - 1], `23-04${n}`);
    }

    const deliveryLoad = instances.flatMap((api, i) =>
      Array.from({ length: KEYS_PER_INSTANCE }, async (_, j) => {
        const key = `three-${i}-${j}`;
        const body = {
          deliberation: `23/04${1 + (j % 3)}`,
          recipient: 'ugent',
          dataset: 'cohort',
          on: `2023-06-${String(1 + (j % 28)).padStart(2, '0')}`,
          referenceYears: [2016],
          variables: ['demo.age'],
          reference: key,
        };
        // The same key to this instance and the next one, at the same time.
        const twins = [api, instances[(i + 1) % 3]].map((target) =>
          settle(() => target.request('POST', '/deliveries', { role: 'steward', body, headers: { 'idempotency-key': key } })),
        );
        deliveryResponses.set(key, await Promise.all(twins));
      }),
    );
    const commitmentLoad = instances.flatMap((api, i) =>
      ['sciensano', 'healthdata'].map(async (party) => {
        const deliberation = `23-04${1 + i}`;
        const kind = `audit-${party}-${i}`;
        const response = await api.request('POST', `/deliberations/${deliberation}/commitments`, {
          body: { party, kind, signedOn: '2023-05-01' },
        });
        commitmentResponses.push({ deliberation, party, kind, response });
      }),
    );
    // Each instance runs the first date's reminders, three times, while the deliveries are written.
    const reminderLoad = instances.map(async (api, i) => {
      for (let k = 0; k < 3; k++) {
        await new Promise((resolve) => setTimeout(resolve, 40 * (i + 1)));
        runResponses.push(await api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf: RUN_DATES[0] } }));
      }
    });
    await Promise.all([...deliveryLoad, ...commitmentLoad, ...reminderLoad]);
    // Then all three race on each date in turn, over the complete ledger.
    for (const asOf of RUN_DATES)
      runResponses.push(
        ...(await Promise.all(instances.map((api) => api.request('POST', '/reminders/run', { role: 'steward', body: { asOf } })))),
      );
  }, 60_000);

  afterAll(async () => {
    for (const api of instances.slice(1).reverse()) await api.close();
    await instances[0]?.close();
  });

  it('every delivery key was answered 201 by both instances with one delivery, and the ledger holds exactly those deliveries', async () => {
    const ids = new Set<string>();
    for (const [key, responses] of deliveryResponses) {
      for (const r of responses) expectStatus(r, 201);
      const answered = new Set(responses.map((r) => r.body.id));
      expect({ key, deliveries: answered.size }).toEqual({ key, deliveries: 1 });
      ids.add(responses[0].body.id);
    }
    expect(ids.size).toBe(3 * KEYS_PER_INSTANCE);
    for (const api of instances) {
      const ledger = itemsOf((await api.request('GET', '/deliveries?limit=1000', { role: 'auditor' })).body);
      expect(ledger.map((d) => d.id).sort()).toEqual([...ids].sort());
    }
  });

  it('every acknowledged commitment is on file once', async () => {
    expect(commitmentResponses).toHaveLength(6);
    for (const { deliberation, party, kind, response } of commitmentResponses) {
      expectStatus(response, 201);
      const view = expectStatus(
        await instances[2].request('GET', `/deliberations/${deliberation}?on=2024-01-01`, { role: 'auditor' }),
        200,
      ).body;
      expect(view.commitments.filter((c: { party: string; kind: string }) => c.party === party && c.kind === kind)).toHaveLength(1);
    }
  });

  it('reminders: one per delivery and threshold, each issued by exactly one run, the same from every instance', async () => {
    for (const run of runResponses) expectStatus(run, 200);
    const issued = runResponses.flatMap((run) => itemsOf(run.body));
    expect(new Set(issued.map((r) => r.id)).size).toBe(issued.length);
    const listed = itemsOf((await instances[0].request('GET', '/reminders?limit=1000', { role: 'auditor' })).body);
    expect(listed.map((r) => r.id).sort()).toEqual(issued.map((r) => r.id).sort());
    const pairs = listed.map((r) => `${r.delivery}:${r.threshold}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Every delivery (deadline 2027-06-30) got 180 (on 2027-01-01), 90 (2027-04-01) and overdue (2027-07-01).
    expect(listed).toHaveLength(3 * 3 * KEYS_PER_INSTANCE);
    for (const api of instances.slice(1))
      expect(
        itemsOf((await api.request('GET', '/reminders?limit=1000', { role: 'auditor' })).body)
          .map((r) => r.id)
          .sort(),
      ).toEqual(listed.map((r) => r.id).sort());
  });
});
