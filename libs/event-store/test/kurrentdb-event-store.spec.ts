import { randomBytes } from 'node:crypto';
import { KurrentDbEventStore, openKurrentDbEventStore } from '../src/kurrentdb-event-store.js';
import { describeEventStoreContract } from './contract.js';
import { markKurrentDbKnownGaps } from './kurrentdb-known-gaps.js';

const url = process.env.KURRENTDB_URL;

if (url) {
  const restoreIt = markKurrentDbKnownGaps();
  // A prefix per run: readAll and verifyLog see only this run's streams, whatever the server holds.
  describeEventStoreContract(
    `KurrentDbEventStore on ${url.replace(/\/\/[^@/]*@/, '//***@')}`,
    async ({ upcast }) => ({
      store: (await openKurrentDbEventStore(url, upcast, {
        streamPrefix: `test${randomBytes(4).toString('hex')}-`,
        deadlineMs: 10_000,
      })) as KurrentDbEventStore,
      cleanup: async () => {},
    }),
    { noTamperHooks: 'KurrentDB offers no way to edit or delete a stored event in place' },
  );
  restoreIt();
} else {
  describe.skip('KurrentDB contract (SKIPPED: set KURRENTDB_URL, e.g. kurrentdb://localhost:2113?tls=false)', () => {
    it('runs the shared EventStore contract against a real KurrentDB', () => undefined);
  });
}
