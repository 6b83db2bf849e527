import { startInstances, type TestServer } from '../support/server.js';
import { testTarget } from '../support/database.js';
import { commitSynthetic, deliver, expectStatus, itemsOf, synthetic } from './helpers.js';

/**
 * Two instances of the service on one PostgreSQL database race `POST /reminders/run`: each
 * reminder is issued once. Two servers cannot share an in-memory PGlite, so on PGlite this
 * suite is skipped (and reported as skipped); run it with DATABASE_URL set.
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;

onPostgres(
  `two servers on one PostgreSQL database racing POST /reminders/run${testTarget === 'postgres' ? '' : ' (SKIPPED: PostgreSQL only, set DATABASE_URL)'}`,
  () => {
    let first: TestServer;
    let second: TestServer;
    const deliveries: string[] = [];

    beforeAll(async () => {
      [first, second] = await startInstances(2);
      expectStatus(await first.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
      await commitSynthetic(first, '23-045');
      for (let i = 0; i < 6; i++)
        deliveries.push(
          (
            await deliver(i % 2 ? second : first, {
              deliberation: '23/045',
              recipient: 'ugent',
              dataset: 'cohort',
              on: `2023-06-0${i + 1}`,
              referenceYears: [2016],
              variables: ['demo.age'],
              reference: `R-${i}`,
            })
          ).id,
        );
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it('the second server sees what the first recorded', async () => {
      expect(itemsOf((await second.request('GET', '/deliveries', { role: 'auditor' })).body)).toHaveLength(6);
    });

    it.each(['2027-01-01', '2027-04-01', '2027-07-01'])('a race on %s issues one reminder per delivery', async (asOf) => {
      const runs = await Promise.all(
        [first, second, first, second].map((api, i) =>
          api.request('POST', '/reminders/run', { role: i % 2 ? 'steward' : 'secretariat', body: { asOf } }),
        ),
      );
      for (const run of runs) expectStatus(run, 200);
      const issued = runs.flatMap((run) => itemsOf(run.body));
      expect(issued.map((r) => r.delivery).sort()).toEqual([...deliveries].sort());
      expect(new Set(issued.map((r) => r.id)).size).toBe(deliveries.length);
      // Both servers see the same reminders, one per delivery and threshold.
      for (const api of [first, second]) {
        const all = itemsOf((await api.request('GET', '/reminders', { role: 'auditor' })).body);
        const keys = all.map((r) => `${r.delivery}:${r.threshold}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    });

    it('every delivery has exactly 180, 90 and overdue, seen alike from either server', async () => {
      for (const id of deliveries) {
        const fromFirst = itemsOf((await first.request('GET', `/reminders?delivery=${id}`, { role: 'auditor' })).body);
        const fromSecond = itemsOf((await second.request('GET', `/reminders?delivery=${id}`, { role: 'auditor' })).body);
        expect(fromFirst.map((r) => r.threshold)).toEqual([180, 90, 'overdue']);
        expect(fromSecond.map((r) => r.id)).toEqual(fromFirst.map((r) => r.id));
      }
    });
  },
);
