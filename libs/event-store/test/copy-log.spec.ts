import { openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '@registry/database';
import { copyLog, CopyLogError, type CopyProgress } from '../src/copy-log.js';
import { ConcurrencyError, NO_STREAM, START, type EventStore, type StoredEvent } from '../src/event-store.js';
import { PostgresEventStore } from '../src/postgres-event-store.js';
import { RENAMED_TYPE, contractUpcasters, everything, newEvent } from './contract.js';

/** What must survive a copy: everything but the store's own positions. */
const portable = ({ position: _position, ...event }: StoredEvent) => event;

describe('copyLog (PostgreSQL to PostgreSQL)', () => {
  let source: Database;
  let target: Database;
  let from: EventStore;
  let to: EventStore;

  beforeAll(async () => {
    source = await openTestDatabase();
    target = await openTestDatabase();
    const upcast = contractUpcasters().upcast;
    from = new PostgresEventStore(source.dataSource, upcast);
    to = new PostgresEventStore(target.dataSource, upcast);
    await from.append('deliberation-a', [newEvent(RENAMED_TYPE, { name: 'old schema' }, 1), newEvent('t.B', { n: 1 })], NO_STREAM);
    for (let i = 0; i < 30; i++) {
      const stream = `stream-${i % 4}`;
      await from.append(
        stream,
        i % 3 === 0 ? [newEvent('t.C', { i }), newEvent('t.D', { i, nested: { z: 1, a: [i] } })] : [newEvent('t.C', { i })],
        'any',
      );
    }
    await from.append('deliberation-a', [newEvent('t.E', { last: true })], 2);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('copies every event in global order with ids, types, raw versions, data, metadata and hashes', async () => {
    const progress: CopyProgress[] = [];
    const result = await copyLog(from, to, (p) => progress.push(p), { batchSize: 7 });
    const original = await everything(from);
    const copied = await everything(to);
    expect(copied.map(portable)).toEqual(original.map(portable));
    expect(copied[0]).toMatchObject({ type: RENAMED_TYPE, schemaVersion: 1, data: { name: 'old schema' } });
    expect(result).toMatchObject({
      read: original.length,
      appended: original.length,
      skipped: 0,
      verify: { ok: true, events: original.length },
    });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.read).toBe(original.length);
    // Reads through the target upcast as usual.
    expect((await to.readStream('deliberation-a'))[0]).toMatchObject({ schemaVersion: 2, data: { title: 'old schema' } });
  });

  it('is idempotent: a second run, with other batch boundaries, copies nothing', async () => {
    const before = await everything(to);
    const result = await copyLog(from, to, undefined, { batchSize: 3 });
    expect(result).toMatchObject({ appended: 0, skipped: before.length, verify: { ok: true } });
    expect(await everything(to)).toEqual(before);
  });

  it('copies what was added to the source since the last run', async () => {
    await from.append('stream-1', [newEvent('t.F')], 'any');
    await from.append('stream-new', [newEvent('t.G'), newEvent('t.H')], NO_STREAM);
    const result = await copyLog(from, to);
    expect(result).toMatchObject({ appended: 3 });
    expect((await everything(to)).map(portable)).toEqual((await everything(from)).map(portable));
  });

  it('refuses a target whose stream already holds other events', async () => {
    const other = await openTestDatabase();
    try {
      const diverged = new PostgresEventStore(other.dataSource);
      await diverged.append('stream-2', [newEvent('t.Other')], NO_STREAM);
      await expect(copyLog(from, diverged)).rejects.toBeInstanceOf(ConcurrencyError);
    } finally {
      await other.close();
    }
  });

  it('reports a target whose hashes differ from the source', async () => {
    const lying: EventStore = {
      ...to,
      append: to.append.bind(to),
      readAll: async (checkpoint, limit, options) => {
        const batch = await to.readAll(checkpoint, limit, options);
        return { ...batch, events: batch.events.map((e, i) => (i === 0 && checkpoint === START ? { ...e, hash: 'f'.repeat(64) } : e)) };
      },
      compareCheckpoints: to.compareCheckpoints.bind(to),
      headCheckpoint: to.headCheckpoint.bind(to),
      streamHeads: undefined,
    };
    await expect(copyLog(from, lying)).rejects.toBeInstanceOf(CopyLogError);
  });
});
