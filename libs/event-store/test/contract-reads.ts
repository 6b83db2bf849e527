import { NO_STREAM, START, type Checkpoint, type StoredEvent } from '../src/event-store.js';
import { verifyLog } from '../src/verify.js';
import { RENAMED_TYPE, newEvent, readAllFrom, stream, type TestedStore } from './contract-support.js';

/** Reads: many streams, the global order under load, upcasting, and verifying the whole log. */
export function readContract(tested: TestedStore): void {
  it('reads many streams in one call', async () => {
    const [a, b] = [stream('many-a'), stream('many-b')];
    await tested.store.append(a, [newEvent(), newEvent()], NO_STREAM);
    await tested.store.append(b, [newEvent()], NO_STREAM);
    const read = await tested.store.readStreams([a, b, stream('many-missing')]);
    expect([...read.keys()].sort()).toEqual([a, b].sort());
    expect(read.get(a)!.map((e) => e.revision)).toEqual([1, 2]);
    expect(read.get(b)!.map((e) => e.revision)).toEqual([1]);
  });

  it('reads all events in global order and resumes from a checkpoint', async () => {
    const from = await tested.store.headCheckpoint();
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
      results.push(await tested.store.append(id, [event], expected));
    }
    const seen: string[] = [];
    let checkpoint = from;
    for (;;) {
      const batch = await tested.store.readAll(checkpoint, 2);
      expect(batch.events.length).toBeLessThanOrEqual(2);
      if (batch.events.length === 0) {
        expect(batch.checkpoint).toBe(checkpoint);
        break;
      }
      expect(tested.store.compareCheckpoints(batch.checkpoint, checkpoint)).toBeGreaterThan(0);
      seen.push(...batch.events.map((e) => e.eventId));
      checkpoint = batch.checkpoint;
    }
    expect(seen).toEqual(appended);
    expect(checkpoint).toBe(results.at(-1)!.checkpoint);
    expect(await tested.store.headCheckpoint()).toBe(checkpoint);
    expect(tested.store.compareCheckpoints(START, checkpoint)).toBeLessThan(0);
    expect(tested.store.compareCheckpoints(results[0].checkpoint, results[1].checkpoint)).toBeLessThan(0);
    expect(tested.store.compareCheckpoints(checkpoint, checkpoint)).toBe(0);
    const resumed = await tested.store.readAll(results[2].checkpoint, 10);
    expect(resumed.events.map((e) => e.eventId)).toEqual(appended.slice(3));
  });

  it('delivers every event exactly once to a catch-up reader while 8 appenders write', async () => {
    const writers = 8;
    const appendsPerWriter = 100;
    const from = await tested.store.headCheckpoint();
    const run = stream('load');
    const written = new Set<string>();
    let writing = true;
    const writes = Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < appendsPerWriter; i++) {
          const events = [newEvent('contract.Load'), newEvent('contract.Load')];
          await tested.store.append(`${run}-${w}-${i % 5}`, events, 'any');
          for (const e of events) written.add(e.eventId);
        }
      }),
    ).finally(() => (writing = false));

    const seen = new Map<string, number>();
    const lastRevision = new Map<string, number>();
    let outOfOrder = 0;
    let checkpoint = from;
    let head: Checkpoint | undefined;
    while (head === undefined || tested.store.compareCheckpoints(checkpoint, head) < 0) {
      if (!writing && head === undefined) head = await tested.store.headCheckpoint();
      const batch = await tested.store.readAll(checkpoint, 50);
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
    const result = await tested.store.append(id, [old, newEvent('contract.Other', { name: 'x' }, 1)], NO_STREAM);
    const expected = { schemaVersion: 2, data: { title: 'Alpha', kept: true } };
    expect((await tested.store.readStream(id))[0]).toMatchObject(expected);
    expect((await tested.store.readStream(id))[1]).toMatchObject({ schemaVersion: 1, data: { name: 'x' } });
    expect((await tested.store.readStreams([id])).get(id)![0]).toMatchObject(expected);
    const before = await readAllFrom(tested.store, START);
    const mine = before.events.find((e) => e.eventId === old.eventId);
    expect(mine).toMatchObject(expected);
    let raw: StoredEvent | undefined;
    for (let checkpoint = START; !raw;) {
      const batch = await tested.store.readAll(checkpoint, 500, { raw: true });
      expect(batch.events.length).toBeGreaterThan(0);
      raw = batch.events.find((e) => e.eventId === old.eventId);
      checkpoint = batch.checkpoint;
    }
    expect(raw).toMatchObject({ schemaVersion: 1, data: { name: 'Alpha', kept: true } });
    expect(tested.store.compareCheckpoints(before.checkpoint, result.checkpoint)).toBe(0);
  });

  it('verifies the hash chains of the whole log', async () => {
    const result = await verifyLog(tested.store);
    expect(result).toEqual({ ok: true, events: expect.any(Number), head: await tested.store.headCheckpoint() });
    expect(result.ok && result.events).toBe((await readAllFrom(tested.store, START, 1000)).events.length);
  });
}
