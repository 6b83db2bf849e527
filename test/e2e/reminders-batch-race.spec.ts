import { startInstances, type TestServer } from '../support/server.js';
import { testTarget } from '../support/database.js';
import { cohort, commitSynthetic, deliver, expectStatus, itemsOf, synthetic } from './helpers.js';

/**
 * A run appends its reminders a few hundred to a transaction (ReminderService, handleMany).
 * Two servers on one PostgreSQL database race four runs over 300 obligations: more than one
 * transaction's worth, so batches overlap partly and lose races on some streams. Every due
 * reminder must be issued exactly once: none lost with a rolled-back batch, none doubled.
 */
const onPostgres = testTarget === 'postgres' ? describe : describe.skip;
const DELIVERIES = 300;

/** Every reminder listed by GET /reminders, page after page. */
async function allReminders(api: TestServer) {
  const items: { id: string; delivery: string; threshold: number | string }[] = [];
  let cursor: string | null = null;
  do {
    const res = expectStatus(
      await api.request('GET', `/reminders?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { role: 'auditor' }),
      200,
    );
    items.push(...res.body.items);
    cursor = res.body.next;
  } while (cursor);
  return items;
}

onPostgres(
  `racing batched reminder runs over ${DELIVERIES} obligations${testTarget === 'postgres' ? '' : ' (SKIPPED: PostgreSQL only, set DATABASE_URL)'}`,
  () => {
    let first: TestServer;
    let second: TestServer;
    const deliveries: string[] = [];

    beforeAll(async () => {
      [first, second] = await startInstances(2);
      expectStatus(await first.request('POST', '/deliberations', { body: synthetic('23/045') }), 201);
      await commitSynthetic(first, '23-045');
      let next = 0;
      const worker = async (api: TestServer) => {
        for (let i = next++; i < DELIVERIES; i = next++) {
          const day = String((i % 28) + 1).padStart(2, '0');
          deliveries.push((await deliver(api, cohort('23/045', `2023-06-${day}`, `B-${i}`))).id);
        }
      };
      await Promise.all([first, second, first, second].map(worker));
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    const open = () => deliveries.filter((id) => !destroyed.includes(id));
    const destroyed: string[] = [];

    /** Each threshold once per delivery in every server's list, and the listed ids are those issued. */
    async function expectListedOnce(threshold: number | string, issued: { id: string }[], expected: string[]) {
      for (const api of [first, second]) {
        const mine = (await allReminders(api)).filter((r) => r.threshold === threshold);
        expect(mine.map((r) => r.delivery).sort()).toEqual([...expected].sort());
        expect(new Set(mine.map((r) => r.id))).toEqual(new Set(issued.map((r) => r.id)));
      }
    }

    it('four racing runs on 2027-01-01, while every 10th delivery records its destruction, issue each 180 reminder once', async () => {
      const runs = [first, second, second, first].map((api) =>
        api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf: '2027-01-01' } }),
      );
      // Destructions land in the streams the batches are about to append to: those batches lose and decide again.
      for (let i = 0; i < deliveries.length; i += 10) {
        const body = { destroyedOn: '2026-12-20', certificateRef: `C-${i}`, attestedBy: 'DPO' };
        expectStatus(
          await (i % 20 ? first : second).request('POST', `/deliveries/${deliveries[i]}/destruction`, { role: 'steward', body }),
          201,
        );
        destroyed.push(deliveries[i]);
      }
      const issued = (await Promise.all(runs)).flatMap((run) => itemsOf(expectStatus(run, 200).body));
      const to = issued.map((r) => r.delivery);
      // Every open obligation got its reminder; a destroyed one got it only if issued before its destruction.
      expect(new Set(to).size).toBe(to.length);
      expect(open().filter((id) => !to.includes(id))).toEqual([]);
      expect(to.filter((id) => !deliveries.includes(id))).toEqual([]);
      await expectListedOnce(180, issued, to);
    }, 120_000);

    it.each([
      ['2027-04-01', 90],
      ['2027-07-01', 'overdue'],
    ])(
      'four racing runs on %s issue the %s reminder of every open obligation exactly once',
      async (asOf, threshold) => {
        const runs = await Promise.all(
          [first, second, second, first].map((api) => api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf } })),
        );
        for (const run of runs) expectStatus(run, 200);
        const issued = runs.flatMap((run) => itemsOf(run.body));
        expect(issued.map((r) => r.delivery).sort()).toEqual(open().sort());
        expect(new Set(issued.map((r) => r.threshold))).toEqual(new Set([threshold]));
        await expectListedOnce(threshold, issued, open());
      },
      120_000,
    );
  },
);
