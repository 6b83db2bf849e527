import net from 'node:net';
import { KurrentDBClient, StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, START } from '../src/event-store.js';
import { GENESIS_HASH, eventHash } from '../src/hash.js';
import { KurrentDbEventStore, openKurrentDbEventStore } from '../src/kurrentdb-event-store.js';
import {
  KurrentDbDeadlineError,
  compareCheckpoints,
  decodeCheckpoint,
  encodeCheckpoint,
  fromRecord,
  isStreamNotFound,
  mapAppendError,
  toEventData,
  toRevision,
  toStreamState,
  withDeadline,
  type KurrentDbRecord,
} from '../src/kurrentdb-mapping.js';
import { newEvent } from './contract.js';

describe('KurrentDB mapping', () => {
  it('maps our 1-based expected revision to KurrentDB stream states and back', () => {
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState(0)).toBe('no_stream');
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(5)).toBe(4n);
    expect(() => toStreamState(-1)).toThrow(/invalid/);
    expect(() => toStreamState(1.5)).toThrow(/invalid/);
    expect(toRevision('no_stream')).toBe(0);
    expect(toRevision(0n)).toBe(1);
    expect(toRevision(4n)).toBe(5);
  });

  it('stores type, version, metadata and chain in the event metadata, and reads them back with the same hash', () => {
    const event = newEvent('registry.Thing', { b: [1, { z: 'x', a: null }], a: 'é' }, 3);
    const hash = eventHash(GENESIS_HASH, { ...event, streamId: 'deliberation-24-130', revision: 1 });
    const data = toEventData(event, { previousHash: GENESIS_HASH, hash, appendId: 'append-1' });
    expect(data).toMatchObject({ id: event.eventId, contentType: 'application/json', type: 'registry.Thing', data: event.data });
    expect(data.metadata).toEqual({
      type: 'registry.Thing',
      schemaVersion: 3,
      metadata: event.metadata,
      previousHash: GENESIS_HASH,
      hash,
      appendId: 'append-1',
      $correlationId: event.metadata.correlationId,
    });
    // What the server hands back: JSON text parsed again, positions as bigints.
    const record: KurrentDbRecord = {
      streamId: 'reg-deliberation-24-130',
      id: event.eventId.toUpperCase(),
      revision: 0n,
      type: 'registry.Thing',
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: 4096n, prepare: 4000n },
    };
    const mapped = fromRecord(record, 'reg-');
    expect(mapped.event).toEqual({
      ...event,
      streamId: 'deliberation-24-130',
      revision: 1,
      position: '4000',
      previousHash: GENESIS_HASH,
      hash,
    });
    expect(eventHash(mapped.event.previousHash, mapped.event)).toBe(hash);
    expect(mapped.appendId).toBe('append-1');
    expect(mapped.checkpoint).toBe('kdb:4096:4000');
  });

  it('keeps the causation id in both places when there is one', () => {
    const event = newEvent();
    event.metadata.causationId = 'cause';
    expect(toEventData(event, { previousHash: GENESIS_HASH, hash: 'h', appendId: 'a' }).metadata).toMatchObject({
      $causationId: 'cause',
      metadata: { causationId: 'cause' },
    });
  });

  it('refuses events it did not write, and events without a log position', () => {
    const foreign: KurrentDbRecord = {
      streamId: 's',
      id: 'x',
      revision: 0n,
      type: 't',
      data: {},
      metadata: { foo: 1 },
      position: { commit: 1n, prepare: 1n },
    };
    expect(() => fromRecord(foreign)).toThrow(/not written by the registry/);
    const event = newEvent();
    const metadata = JSON.parse(JSON.stringify(toEventData(event, { previousHash: GENESIS_HASH, hash: 'h', appendId: 'a' }).metadata));
    expect(() => fromRecord({ ...foreign, metadata, position: undefined })).toThrow(/22\.6/);
    expect(() => fromRecord({ ...foreign, metadata }, 'reg-')).toThrow(/prefix/);
  });

  it("encodes checkpoints in $all order and rejects another store's checkpoints", () => {
    const at = (commit: bigint, prepare: bigint) => encodeCheckpoint({ commit, prepare });
    expect(decodeCheckpoint(at(12n, 10n))).toEqual({ commit: 12n, prepare: 10n });
    expect(decodeCheckpoint(START)).toBeUndefined();
    expect(compareCheckpoints(START, at(0n, 0n))).toBeLessThan(0);
    expect(compareCheckpoints(at(0n, 0n), START)).toBeGreaterThan(0);
    expect(compareCheckpoints(START, START)).toBe(0);
    expect(compareCheckpoints(at(9n, 100n), at(10n, 1n))).toBeLessThan(0);
    expect(compareCheckpoints(at(10n, 2n), at(10n, 1n))).toBeGreaterThan(0);
    expect(compareCheckpoints(at(10n, 2n), at(10n, 2n))).toBe(0);
    // Compared as numbers, not text.
    expect(compareCheckpoints(at(9n, 0n), at(10n, 0n))).toBeLessThan(0);
    expect(() => decodeCheckpoint('1234:5678')).toThrow(/not a KurrentDB/);
  });

  it('maps WrongExpectedVersion to ConcurrencyError and recognises StreamNotFound', () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 'reg-s', expected: 0n, current: 2n });
    const mapped = mapAppendError(wrong, 's', 1);
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ streamId: 's', expected: 1, actual: 3 });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'reg-s', expected: 4n, current: 'no_stream' });
    expect(mapAppendError(missing, 's', 5)).toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    const other = new Error('boom');
    expect(mapAppendError(other, 's', 1)).toBe(other);
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'reg-s'))).toBe(true);
    expect(isStreamNotFound(wrong)).toBe(false);
  });
});

describe('KurrentDB deadlines', () => {
  it('passes results and errors through, and rejects when the work outlasts the deadline', async () => {
    await expect(withDeadline('fast', 1000, async () => 42)).resolves.toBe(42);
    await expect(withDeadline('failing', 1000, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    const started = Date.now();
    await expect(withDeadline('append to s', 50, () => new Promise(() => undefined))).rejects.toThrow(
      new KurrentDbDeadlineError('append to s', 50).message,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  describe('against an endpoint that accepts TCP and never answers', () => {
    let server: net.Server;
    const sockets = new Set<net.Socket>();
    let url: string;
    beforeAll(async () => {
      server = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `kurrentdb://127.0.0.1:${(server.address() as net.AddressInfo).port}?tls=false`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('rejects every store call within the deadline instead of hanging', async () => {
      const store = new KurrentDbEventStore(KurrentDBClient.connectionString(url), undefined, { deadlineMs: 300 });
      const calls: [string, () => Promise<unknown>][] = [
        ['readStream', () => store.readStream('s')],
        ['append', () => store.append('s', [newEvent()], 0)],
        ['readAll', () => store.readAll(START, 10)],
        ['headCheckpoint', () => store.headCheckpoint()],
      ];
      for (const [name, call] of calls) {
        const started = Date.now();
        const error = await call().catch((e: unknown) => e);
        expect([name, error]).toEqual([name, expect.any(KurrentDbDeadlineError)]);
        expect(Date.now() - started).toBeLessThan(2000);
      }
      expect(sockets.size).toBeGreaterThan(0); // the client really connected
      await store.close();
    });

    it('fails to open with a clear error', async () => {
      const started = Date.now();
      await expect(openKurrentDbEventStore(url, (e) => e, { deadlineMs: 300 })).rejects.toThrow(
        /KurrentDB at kurrentdb:\/\/127\.0\.0\.1:\d+\?tls=false is not usable: KurrentDB did not answer read of \$all within 300 ms/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});
