import { ConcurrencyError, DuplicateEventError, NO_STREAM, type NewEvent } from '../src/event-store.js';
import { GENESIS_HASH, eventHash } from '../src/hash.js';
import { newEvent, stream, type TestedStore } from './contract-support.js';

/** After a rejected append: the next append's position must follow the last one directly. */
async function expectNoPositionBurned(tested: TestedStore, lastPosition: string) {
  const next = await tested.store.append(stream('after'), [newEvent()], NO_STREAM);
  if (tested.subject.gaplessPositions) expect(BigInt(next.position)).toBe(BigInt(lastPosition) + 1n);
  else expect(BigInt(next.position)).toBeGreaterThan(BigInt(lastPosition));
}

/** Appends: revisions, the hash chain, expected revisions, races and idempotency. */
export function appendContract(tested: TestedStore): void {
  it('appends and reads a stream back with revisions and a hash chain', async () => {
    const id = stream('basic');
    const events = [newEvent('contract.A', { n: 1, nested: { b: 2, a: [1, 'x'] } }), newEvent('contract.B', { n: 2 })];
    const result = await tested.store.append(id, events, NO_STREAM);
    expect(result).toMatchObject({ revision: 2, duplicate: false });
    const read = await tested.store.readStream(id);
    // recordedAt may be the tested.store's own clock (PostgreSQL, ADR 0009): an ISO instant, the rest as given.
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
    expect(await tested.store.readStream(stream('unknown'))).toEqual([]);
  });

  it('continues revisions with an expected revision or "any"', async () => {
    const id = stream('revisions');
    await tested.store.append(id, [newEvent()], NO_STREAM);
    expect((await tested.store.append(id, [newEvent(), newEvent()], 1)).revision).toBe(3);
    expect((await tested.store.append(id, [newEvent()], 'any')).revision).toBe(4);
    expect((await tested.store.append(stream('any-new'), [newEvent()], 'any')).revision).toBe(1);
    expect((await tested.store.readStream(id)).map((e) => e.revision)).toEqual([1, 2, 3, 4]);
  });

  it('reads a stream of more than ten events in numeric revision order, one append at a time', async () => {
    const id = stream('long');
    for (let revision = 0; revision < 12; revision++)
      await tested.store.append(id, [newEvent('contract.Happened', { n: revision })], revision);
    const read = await tested.store.readStream(id);
    expect(read.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await tested.store.readStreams([id])).get(id)!.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('rejects a wrong expected revision with ConcurrencyError and burns no position', async () => {
    const id = stream('conflict');
    const first = await tested.store.append(id, [newEvent(), newEvent()], NO_STREAM);
    const headBefore = await tested.store.headCheckpoint();
    const attempts: [number, number][] = [
      [1, 2],
      [0, 2],
      [3, 2],
    ];
    for (const [expected, actual] of attempts) {
      const error = await tested.store.append(id, [newEvent()], expected).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: id, expected, actual });
    }
    await expect(tested.store.append(stream('missing'), [newEvent()], 5)).rejects.toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    expect(await tested.store.headCheckpoint()).toBe(headBefore);
    expect((await tested.store.readStream(id)).length).toBe(2);
    await expectNoPositionBurned(tested, first.position);
  });

  it('lets exactly one of 8 concurrent appenders with the same expected revision win', async () => {
    const id = stream('race');
    await tested.store.append(id, [newEvent()], NO_STREAM);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => tested.store.append(id, [newEvent()], 1)));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((o) => o.reason instanceof ConcurrencyError)).toBe(true);
    const read = await tested.store.readStream(id);
    expect(read.map((e) => e.revision)).toEqual([1, 2]);
    await expectNoPositionBurned(tested, read[1].position);
  });

  it('treats a repeated append of the same event ids as an idempotent no-op', async () => {
    const id = stream('idempotent');
    const events = [newEvent(), newEvent()];
    const first = await tested.store.append(id, events, NO_STREAM);
    await tested.store.append(id, [newEvent()], 2);
    const retry = await tested.store.append(
      id,
      events.map((e) => ({ ...e, metadata: { ...e.metadata, recordedAt: new Date().toISOString() } })),
      NO_STREAM,
    );
    expect(retry).toEqual({ ...first, duplicate: true });
    const upper = await tested.store.append(
      id,
      events.map((e) => ({ ...e, eventId: e.eventId.toUpperCase() })),
      'any',
    );
    expect(upper.duplicate).toBe(true);
    expect((await tested.store.readStream(id)).length).toBe(3);
  });

  it('stores one copy when the same event ids are appended concurrently', async () => {
    const id = stream('idempotent-race');
    const events = [newEvent(), newEvent()];
    const results = await Promise.all(Array.from({ length: 4 }, () => tested.store.append(id, events, NO_STREAM)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.position)).size).toBe(1);
    expect((await tested.store.readStream(id)).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('throws DuplicateEventError for ids stored elsewhere, partly stored or repeated in one call', async () => {
    const a = stream('dup-a');
    const b = stream('dup-b');
    const stored = newEvent('contract.A', { v: 1 });
    await tested.store.append(a, [stored], NO_STREAM);
    await expect(tested.store.append(b, [stored], NO_STREAM)).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(tested.store.append(a, [stored, newEvent()], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(tested.store.append(a, [{ ...stored, data: { v: 2 } }], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    const twice = newEvent();
    await expect(tested.store.append(b, [twice, twice], NO_STREAM)).rejects.toBeInstanceOf(DuplicateEventError);
    expect((await tested.store.readStream(a)).length).toBe(1);
    expect(await tested.store.readStream(b)).toEqual([]);
  });
}
