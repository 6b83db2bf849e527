import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  DuplicateEventError,
  NO_STREAM,
  START,
  type Checkpoint,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  type Upcaster,
} from '../src/event-store.js';
import { GENESIS_HASH, eventHash } from '../src/hash.js';
import { Upcasters } from '../src/upcasters.js';
import { verifyLog } from '../src/verify.js';

/** Undoes one tampering, so later tests see an intact log again. */
export type Undo = () => Promise<void>;

/** Direct edits of the stored log behind the store's back (for tamper-detection tests). */
export interface Tamper {
  /** Replaces the stored data of one event, leaving its hash as it was. */
  editData(streamId: string, revision: number, data: Record<string, unknown>): Promise<Undo>;
  deleteEvent(streamId: string, revision: number): Promise<Undo>;
  /** Stores `event` after the stream's last event with a correctly chained hash, without moving the stream's head. */
  insertEvent(streamId: string, event: NewEvent): Promise<Undo>;
}

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
  tamper?: Tamper;
  /** The store hands out consecutive positions (a PostgreSQL sequence): a burned one shows as a gap. */
  gaplessPositions?: boolean;
}

/** The example schema change every store is tested with: v2 renamed `name` to `title`. */
/** Every event of a store, raw, in global order. */
export async function everything(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let checkpoint = START; ;) {
    const batch = await store.readAll(checkpoint, 100, { raw: true });
    if (batch.events.length === 0) return events;
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

export const RENAMED_TYPE = 'contract.Renamed';
export function contractUpcasters(): Upcasters {
  return new Upcasters().register(RENAMED_TYPE, 1, ({ name, ...rest }) => ({ ...rest, title: name }));
}

export function newEvent(type = 'contract.Happened', data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: { actor: 'tester', recordedAt: new Date().toISOString(), correlationId: randomUUID() },
  };
}

const stream = (label: string) => `contract-${label}-${randomUUID().slice(0, 8)}`;

async function readAllFrom(store: EventStore, from: Checkpoint, limit = 100): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
  const events: StoredEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAll(checkpoint, limit);
    if (batch.events.length === 0) return { events, checkpoint };
    events.push(...batch.events);
    checkpoint = batch.checkpoint;
  }
}

/** What a store cannot be tested for, each with the reason; such tests are reported as skipped, never as passed. */
export interface ContractGaps {
  /** Why this store's factory gives no `tamper` hooks (the tamper-detection tests are skipped). */
  noTamperHooks?: string;
}

export function describeEventStoreContract(
  name: string,
  factory: (setup: { upcast: Upcaster }) => Promise<ContractSubject>,
  gaps: ContractGaps = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await factory({ upcast: contractUpcasters().upcast });
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.store.close();
      await subject?.cleanup();
    });

    /** After a rejected append: the next append's position must follow the last one directly. */
    async function expectNoPositionBurned(lastPosition: string) {
      const next = await store.append(stream('after'), [newEvent()], NO_STREAM);
      if (subject.gaplessPositions) expect(BigInt(next.position)).toBe(BigInt(lastPosition) + 1n);
      else expect(BigInt(next.position)).toBeGreaterThan(BigInt(lastPosition));
    }

    it('appends and reads a stream back with revisions and a hash chain', async () => {
      const id = stream('basic');
      const events = [newEvent('contract.A', { n: 1, nested: { b: 2, a: [1, 'x'] } }), newEvent('contract.B', { n: 2 })];
      const result = await store.append(id, events, NO_STREAM);
      expect(result).toMatchObject({ revision: 2, duplicate: false });
      const read = await store.readStream(id);
      // recordedAt may be the store's own clock (PostgreSQL, ADR 0009): an ISO instant, the rest as given.
      const withoutInstant = ({ recordedAt: _, ...rest }: NewEvent['metadata']) => rest;
      expect(read.map((e) => [e.revision, e.eventId, e.type, e.data, withoutInstant(e.metadata)])).toEqual(
        events.map((e, i) => [i + 1, e.eventId, e.type, e.data, withoutInstant(e.metadata)]),
      );
      for (const e of read) expect(new Date(e.metadata.recordedAt).toISOString()).toBe(e.metadata.recordedAt);
      expect(read[1].position).toBe(result.position);
      expect(BigInt(read[0].position)).toBeLessThan(BigInt(read[1].position));
      expect(read[0].previousHash).toBe(GENESIS_HASH);
      expect(read[1].previousHash).toBe(read[0].hash);
      for (const e of read) expect(eventHash(e.previousHash, e)).toBe(e.hash);
      expect(await store.readStream(stream('unknown'))).toEqual([]);
    });

    it('continues revisions with an expected revision or "any"', async () => {
      const id = stream('revisions');
      await store.append(id, [newEvent()], NO_STREAM);
      expect((await store.append(id, [newEvent(), newEvent()], 1)).revision).toBe(3);
      expect((await store.append(id, [newEvent()], 'any')).revision).toBe(4);
      expect((await store.append(stream('any-new'), [newEvent()], 'any')).revision).toBe(1);
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([1, 2, 3, 4]);
    });

    it('reads a stream of more than ten events in numeric revision order, one append at a time', async () => {
      const id = stream('long');
      for (let revision = 0; revision < 12; revision++) await store.append(id, [newEvent('contract.Happened', { n: revision })], revision);
      const read = await store.readStream(id);
      expect(read.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect((await store.readStreams([id])).get(id)!.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    });

    it('rejects a wrong expected revision with ConcurrencyError and burns no position', async () => {
      const id = stream('conflict');
      const first = await store.append(id, [newEvent(), newEvent()], NO_STREAM);
      const headBefore = await store.headCheckpoint();
      const attempts: [number, number][] = [
        [1, 2],
        [0, 2],
        [3, 2],
      ];
      for (const [expected, actual] of attempts) {
        const error = await store.append(id, [newEvent()], expected).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: id, expected, actual });
      }
      await expect(store.append(stream('missing'), [newEvent()], 5)).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
      expect(await store.headCheckpoint()).toBe(headBefore);
      expect((await store.readStream(id)).length).toBe(2);
      await expectNoPositionBurned(first.position);
    });

    it('lets exactly one of 8 concurrent appenders with the same expected revision win', async () => {
      const id = stream('race');
      await store.append(id, [newEvent()], NO_STREAM);
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(id, [newEvent()], 1)));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof ConcurrencyError)).toBe(true);
      const read = await store.readStream(id);
      expect(read.map((e) => e.revision)).toEqual([1, 2]);
      await expectNoPositionBurned(read[1].position);
    });

    it('treats a repeated append of the same event ids as an idempotent no-op', async () => {
      const id = stream('idempotent');
      const events = [newEvent(), newEvent()];
      const first = await store.append(id, events, NO_STREAM);
      await store.append(id, [newEvent()], 2);
      const retry = await store.append(
        id,
        events.map((e) => ({ ...e, metadata: { ...e.metadata, recordedAt: new Date().toISOString() } })),
        NO_STREAM,
      );
      expect(retry).toEqual({ ...first, duplicate: true });
      const upper = await store.append(
        id,
        events.map((e) => ({ ...e, eventId: e.eventId.toUpperCase() })),
        'any',
      );
      expect(upper.duplicate).toBe(true);
      expect((await store.readStream(id)).length).toBe(3);
    });

    it('stores one copy when the same event ids are appended concurrently', async () => {
      const id = stream('idempotent-race');
      const events = [newEvent(), newEvent()];
      const results = await Promise.all(Array.from({ length: 4 }, () => store.append(id, events, NO_STREAM)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.position)).size).toBe(1);
      expect((await store.readStream(id)).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    });

    it('throws DuplicateEventError for ids stored elsewhere, partly stored or repeated in one call', async () => {
      const a = stream('dup-a');
      const b = stream('dup-b');
      const stored = newEvent('contract.A', { v: 1 });
      await store.append(a, [stored], NO_STREAM);
      await expect(store.append(b, [stored], NO_STREAM)).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store.append(a, [stored, newEvent()], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store.append(a, [{ ...stored, data: { v: 2 } }], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
      const twice = newEvent();
      await expect(store.append(b, [twice, twice], NO_STREAM)).rejects.toBeInstanceOf(DuplicateEventError);
      expect((await store.readStream(a)).length).toBe(1);
      expect(await store.readStream(b)).toEqual([]);
    });

    it('reads many streams in one call', async () => {
      const [a, b] = [stream('many-a'), stream('many-b')];
      await store.append(a, [newEvent(), newEvent()], NO_STREAM);
      await store.append(b, [newEvent()], NO_STREAM);
      const read = await store.readStreams([a, b, stream('many-missing')]);
      expect([...read.keys()].sort()).toEqual([a, b].sort());
      expect(read.get(a)!.map((e) => e.revision)).toEqual([1, 2]);
      expect(read.get(b)!.map((e) => e.revision)).toEqual([1]);
    });

    it('reads all events in global order and resumes from a checkpoint', async () => {
      const from = await store.headCheckpoint();
      const [a, b] = [stream('all-a'), stream('all-b')];
      const appended: string[] = [];
      const results = [];
      for (const [id, expected] of [
        [a, 0],
        [b, 0],
        [a, 1],
        [b, 1],
        [a, 2],
      ] as const) {
        const event = newEvent();
        appended.push(event.eventId);
        results.push(await store.append(id, [event], expected));
      }
      const seen: string[] = [];
      let checkpoint = from;
      for (;;) {
        const batch = await store.readAll(checkpoint, 2);
        expect(batch.events.length).toBeLessThanOrEqual(2);
        if (batch.events.length === 0) {
          expect(batch.checkpoint).toBe(checkpoint);
          break;
        }
        expect(store.compareCheckpoints(batch.checkpoint, checkpoint)).toBeGreaterThan(0);
        seen.push(...batch.events.map((e) => e.eventId));
        checkpoint = batch.checkpoint;
      }
      expect(seen).toEqual(appended);
      expect(checkpoint).toBe(results.at(-1)!.checkpoint);
      expect(await store.headCheckpoint()).toBe(checkpoint);
      expect(store.compareCheckpoints(START, checkpoint)).toBeLessThan(0);
      expect(store.compareCheckpoints(results[0].checkpoint, results[1].checkpoint)).toBeLessThan(0);
      expect(store.compareCheckpoints(checkpoint, checkpoint)).toBe(0);
      const resumed = await store.readAll(results[2].checkpoint, 10);
      expect(resumed.events.map((e) => e.eventId)).toEqual(appended.slice(3));
    });

    it('delivers every event exactly once to a catch-up reader while 8 appenders write', async () => {
      const writers = 8;
      const appendsPerWriter = 100;
      const from = await store.headCheckpoint();
      const run = stream('load');
      const written = new Set<string>();
      let writing = true;
      const writes = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < appendsPerWriter; i++) {
            const events = [newEvent('contract.Load'), newEvent('contract.Load')];
            await store.append(`${run}-${w}-${i % 5}`, events, 'any');
            for (const e of events) written.add(e.eventId);
          }
        }),
      ).finally(() => (writing = false));

      const seen = new Map<string, number>();
      const lastRevision = new Map<string, number>();
      let outOfOrder = 0;
      let checkpoint = from;
      let head: Checkpoint | undefined;
      while (head === undefined || store.compareCheckpoints(checkpoint, head) < 0) {
        if (!writing && head === undefined) head = await store.headCheckpoint();
        const batch = await store.readAll(checkpoint, 50);
        for (const e of batch.events) {
          seen.set(e.eventId, (seen.get(e.eventId) ?? 0) + 1);
          if (e.revision <= (lastRevision.get(e.streamId) ?? 0)) outOfOrder++;
          lastRevision.set(e.streamId, e.revision);
        }
        checkpoint = batch.checkpoint;
        if (batch.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await writes;
      const loadEvents = [...seen.keys()].filter((id) => written.has(id));
      expect(written.size).toBe(writers * appendsPerWriter * 2);
      expect(loadEvents.length).toBe(written.size);
      expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
      expect(outOfOrder).toBe(0);
    });

    it('upcasts on every read but not on a raw read', async () => {
      const id = stream('upcast');
      const old = newEvent(RENAMED_TYPE, { name: 'Alpha', kept: true }, 1);
      const result = await store.append(id, [old, newEvent('contract.Other', { name: 'x' }, 1)], NO_STREAM);
      const expected = { schemaVersion: 2, data: { title: 'Alpha', kept: true } };
      expect((await store.readStream(id))[0]).toMatchObject(expected);
      expect((await store.readStream(id))[1]).toMatchObject({ schemaVersion: 1, data: { name: 'x' } });
      expect((await store.readStreams([id])).get(id)![0]).toMatchObject(expected);
      const before = await readAllFrom(store, START);
      const mine = before.events.find((e) => e.eventId === old.eventId);
      expect(mine).toMatchObject(expected);
      let raw: StoredEvent | undefined;
      for (let checkpoint = START; !raw;) {
        const batch = await store.readAll(checkpoint, 500, { raw: true });
        expect(batch.events.length).toBeGreaterThan(0);
        raw = batch.events.find((e) => e.eventId === old.eventId);
        checkpoint = batch.checkpoint;
      }
      expect(raw).toMatchObject({ schemaVersion: 1, data: { name: 'Alpha', kept: true } });
      expect(store.compareCheckpoints(before.checkpoint, result.checkpoint)).toBe(0);
    });

    it('verifies the hash chains of the whole log', async () => {
      const result = await verifyLog(store);
      expect(result).toEqual({ ok: true, events: expect.any(Number), head: await store.headCheckpoint() });
      expect(result.ok && result.events).toBe((await readAllFrom(store, START, 1000)).events.length);
    });

    const tamperDescribe = gaps.noTamperHooks ? describe.skip : describe;
    tamperDescribe(`tamper detection${gaps.noTamperHooks ? ` (SKIPPED: ${gaps.noTamperHooks})` : ''}`, () => {
      let id: string;
      let events: StoredEvent[];
      const tamperIt = (title: string, fn: (tamper: Tamper) => Promise<void>) =>
        it(title, async () => {
          if (!subject.tamper)
            throw new Error('the factory gives no tamper hooks: pass gaps.noTamperHooks with the reason to skip these tests');
          await fn(subject.tamper);
        });

      beforeAll(async () => {
        id = stream('tamper');
        await store.append(
          id,
          [newEvent('contract.T', { i: 1 }), newEvent('contract.T', { i: 2 }), newEvent('contract.T', { i: 3 })],
          NO_STREAM,
        );
        events = await store.readStream(id);
      });

      async function expectBrokenThenRepaired(undo: Undo, position: string | null, reason: RegExp) {
        const broken = await verifyLog(store);
        await undo();
        expect(broken).toMatchObject({ ok: false, firstBrokenPosition: position });
        expect(broken.ok ? '' : broken.reason).toMatch(reason);
        expect((await verifyLog(store)).ok).toBe(true);
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
        const inserted = (await store.readStream(id))[3];
        expect(inserted?.revision).toBe(4);
        await expectBrokenThenRepaired(undo, inserted.position, /head/);
      });
    });
  });
}
