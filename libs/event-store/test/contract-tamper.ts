import { NO_STREAM, type StoredEvent } from '../src/event-store.js';
import { verifyLog } from '../src/verify.js';
import { newEvent, stream, type ContractGaps, type TestedStore, type Tamper, type Undo } from './contract-support.js';

/** Edits, deletions and insertions made behind the store's back are found by verifyLog (skipped, with the reason, on a store without hooks). */
export function tamperContract(tested: TestedStore, gaps: ContractGaps): void {
  const tamperDescribe = gaps.noTamperHooks ? describe.skip : describe;
  tamperDescribe(`tamper detection${gaps.noTamperHooks ? ` (SKIPPED: ${gaps.noTamperHooks})` : ''}`, () => {
    let id: string;
    let events: StoredEvent[];
    const tamperIt = (title: string, fn: (tamper: Tamper) => Promise<void>) =>
      it(title, async () => {
        if (!tested.subject.tamper)
          throw new Error('the factory gives no tamper hooks: pass gaps.noTamperHooks with the reason to skip these tests');
        await fn(tested.subject.tamper);
      });

    beforeAll(async () => {
      id = stream('tamper');
      await tested.store.append(
        id,
        [newEvent('contract.T', { i: 1 }), newEvent('contract.T', { i: 2 }), newEvent('contract.T', { i: 3 })],
        NO_STREAM,
      );
      events = await tested.store.readStream(id);
    });

    async function expectBrokenThenRepaired(undo: Undo, position: string | null, reason: RegExp) {
      const broken = await verifyLog(tested.store);
      await undo();
      expect(broken).toMatchObject({ ok: false, firstBrokenPosition: position });
      expect(broken.ok ? '' : broken.reason).toMatch(reason);
      expect((await verifyLog(tested.store)).ok).toBe(true);
    }

    tamperIt('detects an edited event', async (tamper) => {
      const undo = await tamper.editData(id, 2, { i: 20 });
      await expectBrokenThenRepaired(undo, events[1].position, /hash/);
    });

    tamperIt('detects a deleted event inside a stream', async (tamper) => {
      const undo = await tamper.deleteEvent(id, 2);
      await expectBrokenThenRepaired(undo, events[2].position, /revision/);
    });

    tamperIt('detects a deleted last event', async (tamper) => {
      const undo = await tamper.deleteEvent(id, 3);
      await expectBrokenThenRepaired(undo, events[1].position, /head/);
    });

    tamperIt('detects an inserted event, even with a correctly chained hash', async (tamper) => {
      const undo = await tamper.insertEvent(id, newEvent('contract.T', { i: 4 }));
      const inserted = (await tested.store.readStream(id))[3];
      expect(inserted?.revision).toBe(4);
      await expectBrokenThenRepaired(undo, inserted.position, /head/);
    });
  });
}
