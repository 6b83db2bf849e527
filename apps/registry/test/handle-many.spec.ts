import { randomUUID } from 'node:crypto';
import type { Database } from '@registry/database';
import { PostgresEventStore, type AppendResult, type StreamAppend } from '@registry/event-store';
import type { ProjectionRunner } from '@registry/projections';
import { openTestDatabase, testTarget } from '../../../test/support/database.js';
import { EventSourcedRepository, type DomainRecorded } from '../src/core/event-sourced-repository.js';

/** A store whose first appendMany is overtaken by another writer's append to one of its streams. */
class OvertakenStore extends PostgresEventStore {
  batches = 0;
  constructor(
    db: Database,
    private readonly overtake: { streamId: string; type: string },
  ) {
    super(db.dataSource);
  }
  override async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (this.batches++ === 0) await this.append(this.overtake.streamId, [event(this.overtake.type)], 'any');
    return super.appendMany(appends);
  }
}

const event = (type: string) => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'other', recordedAt: new Date().toISOString(), correlationId: 'other' },
});
const noWait = { waitFor: async () => {} } as unknown as ProjectionRunner;
/** Marks a stream once, never after it was closed (as a reminder is never issued after a destruction). */
const markOnce = (history: DomainRecorded[]) =>
  history.some((e) => e.type === 'Marked' || e.type === 'Closed') ? [] : [{ type: 'Marked', data: {} }];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe(`EventSourcedRepository.handleMany on ${testTarget}: a batch that loses a race is decided again, none lost or doubled`, () => {
  async function opened(count: number) {
    const ids = Array.from({ length: count }, () => `batch-${randomUUID()}`);
    await new PostgresEventStore(db.dataSource).appendMany(ids.map((streamId) => ({ streamId, events: [event('Opened')], expected: 0 })));
    return ids;
  }

  it.each(['Closed', 'Marked'])('another writer appends %s to one stream of the batch first', async (type) => {
    const ids = await opened(50);
    const store = new OvertakenStore(db, { streamId: ids[7], type });
    const repository = new EventSourcedRepository(store, noWait);
    const handled = await repository.handleMany(
      ids.map((streamId) => ({ streamId, decide: markOnce })),
      { actor: 'test', correlationId: 'run' },
    );
    expect(store.batches).toBe(2);
    expect(handled.map((h) => h.events.length)).toEqual(ids.map((_, i) => (i === 7 ? 0 : 1)));
    const streams = await store.readStreams(ids);
    for (const [i, id] of ids.entries()) {
      const types = streams.get(id)!.map((e) => e.type);
      expect(types).toEqual(i === 7 ? ['Opened', type] : ['Opened', 'Marked']);
    }
  });
});
