/**
 * The shared contract against an in-memory stand-in for a KurrentDB server (no server can run
 * here). It mimics the documented behaviour the store relies on: streamState checks, the
 * idempotent acknowledgement of ids already stored at the expected position, StreamNotFound,
 * filtered $all reads from an inclusive position, system events in the log, and positions where
 * the events of one append share a commit position. It proves the store's logic, not KurrentDB.
 */
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type Filter,
  type JSONEventData,
  type KurrentDBClient,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import { openTestDatabase } from '../../../test/support/database.js';
import { copyLog } from '../src/copy-log.js';
import { DuplicateEventError, NO_STREAM, type StoredEvent, type Upcaster } from '../src/event-store.js';
import { PostgresEventStore } from '../src/postgres-event-store.js';
import { KurrentDbEventStore } from '../src/kurrentdb-event-store.js';
import { describeEventStoreContract, everything, newEvent } from './contract.js';
import { markKurrentDbKnownGaps } from './kurrentdb-known-gaps.js';

interface FakeRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position: Position;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

class FakeKurrentDb {
  private readonly log: FakeRecord[] = [];
  private readonly streams = new Map<string, FakeRecord[]>();
  private logPosition = 1000n;

  constructor() {
    this.write('$settings', [{ id: crypto.randomUUID(), type: '$settings', data: {}, metadata: undefined }]);
  }

  async appendToStream(name: string, events: JSONEventData[], { streamState = 'any' }: { streamState?: AppendStreamState } = {}) {
    await tick();
    const stream = this.streams.get(name) ?? [];
    const current = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    if (streamState !== 'any' && streamState !== 'stream_exists') {
      const start = streamState === 'no_stream' ? 0 : Number(streamState) + 1;
      const already = stream.slice(start, start + events.length);
      if (already.length === events.length && already.every((record, i) => record.id === events[i].id)) {
        return { success: true, nextExpectedRevision: BigInt(start + events.length - 1), position: already.at(-1)!.position };
      }
      if (streamState !== current) {
        throw new WrongExpectedVersionError(undefined, { streamName: name, expected: streamState, current });
      }
    }
    const written = this.write(name, events);
    // What a system projection does: a link event in a $ stream.
    this.write(`$ce-${name.split('-')[0]}`, [{ id: crypto.randomUUID(), type: '$>', data: {}, metadata: undefined }]);
    return { success: true, nextExpectedRevision: written.at(-1)!.revision, position: written.at(-1)!.position };
  }

  readStream(name: string, { fromRevision = 'start', maxCount = Number.MAX_SAFE_INTEGER }: ReadStreamOptions = {}) {
    const streams = this.streams;
    return (async function* () {
      await tick();
      const stream = streams.get(name);
      if (!stream) throw new StreamNotFoundError(undefined, name);
      const from = fromRevision === 'start' ? 0 : Number(fromRevision);
      for (const record of stream.slice(from, from + Number(maxCount))) yield { event: copy(record) };
    })();
  }

  readAll({ fromPosition = 'start', maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards', filter }: ReadAllOptions = {}) {
    const log = this.log;
    const matches = (record: FakeRecord) => !filter || matchFilter(filter, record);
    return (async function* () {
      await tick();
      let records = direction === 'forwards' ? [...log] : [...log].reverse();
      if (fromPosition !== 'start' && fromPosition !== 'end') {
        const at = (r: FakeRecord) =>
          r.position.commit > fromPosition.commit ||
          (r.position.commit === fromPosition.commit && r.position.prepare >= fromPosition.prepare);
        records = records.filter((r) => (direction === 'forwards' ? at(r) : !at(r)));
      }
      for (const record of records.filter(matches).slice(0, Number(maxCount))) yield { event: copy(record) };
    })();
  }

  async dispose() {}

  private write(name: string, events: { id: string; type: string; data: unknown; metadata: unknown }[]): FakeRecord[] {
    const stream = this.streams.get(name) ?? [];
    const commit = this.logPosition;
    const written = events.map((event) => {
      this.logPosition += 137n;
      const record: FakeRecord = {
        streamId: name,
        id: event.id,
        revision: BigInt(stream.length),
        type: event.type,
        data: copy(event.data),
        metadata: event.metadata === undefined ? undefined : copy(event.metadata),
        position: { commit, prepare: this.logPosition },
      };
      stream.push(record);
      this.log.push(record);
      return record;
    });
    this.streams.set(name, stream);
    return written;
  }
}

function matchFilter(filter: Filter, record: FakeRecord): boolean {
  const value = filter.filterOn === 'streamName' ? record.streamId : record.type;
  return 'prefixes' in filter ? filter.prefixes.some((p) => value.startsWith(p)) : new RegExp(filter.regex).test(value);
}

// JSON.parse(JSON.stringify()) cannot copy bigints: store positions as they are.
(BigInt.prototype as unknown as { toJSON(): string }).toJSON ??= function (this: bigint) {
  return this.toString();
};

function fakeStore(upcast?: Upcaster) {
  const fake = new FakeKurrentDb();
  // Records come back with bigint positions and revisions, as from the client.
  const revive = (record: FakeRecord): FakeRecord => ({
    ...record,
    revision: BigInt(record.revision),
    position: { commit: BigInt(record.position.commit), prepare: BigInt(record.position.prepare) },
  });
  const readStream = fake.readStream.bind(fake);
  const readAll = fake.readAll.bind(fake);
  fake.readStream = (name, options) => mapIterator(readStream(name, options), revive);
  fake.readAll = (options) => mapIterator(readAll(options), revive);
  return new KurrentDbEventStore(fake as unknown as KurrentDBClient, upcast, { streamPrefix: 'registry-' });
}

const restoreIt = markKurrentDbKnownGaps();
describeEventStoreContract(
  'KurrentDbEventStore on an in-memory stand-in for KurrentDB',
  async ({ upcast }) => ({
    store: fakeStore(upcast),
    cleanup: async () => {},
  }),
  { noTamperHooks: 'the stand-in offers no way to edit, delete or insert a stored event behind the store' },
);
restoreIt();

describe('KurrentDbEventStore duplicate ids (stand-in server)', () => {
  it('refuses ids partly stored, stored with other content or repeated in one call; accepts an id used in another stream', async () => {
    const store = fakeStore();
    const stored = newEvent('contract.A', { v: 1 });
    await store.append('a', [stored], NO_STREAM);
    await expect(store.append('a', [stored, newEvent()], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(store.append('a', [{ ...stored, data: { v: 2 } }], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    const twice = newEvent();
    await expect(store.append('b', [twice, twice], NO_STREAM)).rejects.toBeInstanceOf(DuplicateEventError);
    expect((await store.readStream('a')).length).toBe(1);
    expect(await store.readStream('b')).toEqual([]);
    // The known gap, pinned: the PostgreSQL store refuses this.
    expect((await store.append('b', [stored], NO_STREAM)).duplicate).toBe(false);
  });
});

describe('copyLog from PostgreSQL into KurrentDbEventStore (stand-in server)', () => {
  it('gives every event the same hash in the target, and re-runs as a no-op', async () => {
    const db = await openTestDatabase();
    try {
      const from = new PostgresEventStore(db.dataSource);
      for (let i = 0; i < 12; i++) await from.append(`s-${i % 3}`, [newEvent('t.A', { i }), newEvent('t.B', { i })], 'any');
      const to = fakeStore();
      const first = await copyLog(from, to, undefined, { batchSize: 5 });
      expect(first).toMatchObject({ appended: 24, skipped: 0, verify: { ok: true, events: 24 } });
      const portable = ({ position: _p, ...event }: StoredEvent) => event;
      expect((await everything(to)).map(portable)).toEqual((await everything(from)).map(portable));
      expect(await copyLog(from, to)).toMatchObject({ appended: 0, skipped: 24 });
    } finally {
      await db.close();
    }
  });
});

function mapIterator(iterable: AsyncGenerator<{ event: FakeRecord }>, f: (record: FakeRecord) => FakeRecord) {
  return (async function* () {
    for await (const { event } of iterable) yield { event: f(event) };
  })();
}
