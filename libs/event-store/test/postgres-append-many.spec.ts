import { testTarget, openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '@registry/database';
import { ConcurrencyError, NO_STREAM } from '../src/event-store.js';
import { PostgresEventStore } from '../src/postgres-event-store.js';
import { eventHash, GENESIS_HASH } from '../src/hash.js';
import { newEvent, stream } from './contract-support.js';

let db: Database;
let store: PostgresEventStore;
beforeAll(async () => {
  db = await openTestDatabase();
  store = new PostgresEventStore(db.dataSource);
});
afterAll(async () => {
  await db?.close();
});

describe(`PostgresEventStore.appendMany on ${testTarget}`, () => {
  it('appends to existing and new streams in one transaction, chained as append chains them', async () => {
    const old = stream('many-old');
    await store.append(old, [newEvent()], NO_STREAM);
    const fresh = stream('many-new');
    const results = await store.appendMany([
      { streamId: old, events: [newEvent('a'), newEvent('b')], expected: 1 },
      { streamId: fresh, events: [newEvent('c')], expected: NO_STREAM },
    ]);
    expect(results.map((r) => [r.revision, r.duplicate])).toEqual([
      [3, false],
      [1, false],
    ]);
    const streams = await store.readStreams([old, fresh]);
    const oldEvents = streams.get(old)!;
    expect(oldEvents.map((e) => [e.type, e.revision])).toEqual([
      ['contract.Happened', 1],
      ['a', 2],
      ['b', 3],
    ]);
    expect(oldEvents[1].previousHash).toBe(oldEvents[0].hash);
    const [c] = streams.get(fresh)!;
    expect(c.previousHash).toBe(GENESIS_HASH);
    expect(c.hash).toBe(eventHash(GENESIS_HASH, c));
    expect(results[0].position).toBe(oldEvents[2].position);
    // One transaction: both streams' events carry the same recordedAt.
    expect(oldEvents[2].metadata.recordedAt).toBe(c.metadata.recordedAt);
    const heads = (await store.streamHeads()).filter((h) => h.streamId === old || h.streamId === fresh);
    expect(heads.map((h) => h.revision).sort()).toEqual([1, 3]);
  });

  it('stores nothing of any stream when one stream is not at the expected revision', async () => {
    const a = stream('many-a');
    const b = stream('many-b');
    await store.append(a, [newEvent()], NO_STREAM);
    await store.append(b, [newEvent(), newEvent()], NO_STREAM);
    const attempt = store.appendMany([
      { streamId: a, events: [newEvent('x')], expected: 1 },
      { streamId: b, events: [newEvent('y')], expected: 1 },
    ]);
    await expect(attempt).rejects.toMatchObject({ name: ConcurrencyError.name, streamId: b, actual: 2 });
    const streams = await store.readStreams([a, b]);
    expect(streams.get(a)!.map((e) => e.revision)).toEqual([1]);
    expect(streams.get(b)!.map((e) => e.revision)).toEqual([1, 2]);
  });

  it('is a no-op for a retry of the same events, and refuses a stream named twice', async () => {
    const a = stream('many-retry');
    const events = [newEvent('r')];
    const first = await store.appendMany([{ streamId: a, events, expected: NO_STREAM }]);
    const again = await store.appendMany([{ streamId: a, events, expected: NO_STREAM }]);
    expect(again).toEqual([{ ...first[0], duplicate: true }]);
    await expect(
      store.appendMany([
        { streamId: a, events: [newEvent()], expected: 1 },
        { streamId: a, events: [newEvent()], expected: 1 },
      ]),
    ).rejects.toThrow(/appears twice/);
    expect((await store.readStream(a)).length).toBe(1);
  });

  it('racing batches over overlapping streams: each stream advances once per revision, none deadlocks', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => stream(`many-race-${i}`));
    await store.appendMany(ids.map((streamId) => ({ streamId, events: [newEvent()], expected: NO_STREAM })));
    // Four batches, each over 30 of the 40 streams in its own order, all expecting revision 1.
    const batches = [0, 10, 20, 30].map((offset) => Array.from({ length: 30 }, (_, i) => ids[(offset + (offset % 20 ? 29 - i : i)) % 40]));
    const outcomes = await Promise.allSettled(
      batches.map((batch) => store.appendMany(batch.map((streamId) => ({ streamId, events: [newEvent('won')], expected: 1 })))),
    );
    const won = batches.filter((_, i) => outcomes[i].status === 'fulfilled');
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
    const streams = await store.readStreams(ids);
    for (const id of ids) {
      const winners = won.filter((batch) => batch.includes(id)).length;
      expect(winners).toBeLessThanOrEqual(1);
      expect(streams.get(id)!.map((e) => e.type)).toEqual(['contract.Happened', ...(winners ? ['won'] : [])]);
    }
    expect(won.length).toBeGreaterThan(0);
  });
});
