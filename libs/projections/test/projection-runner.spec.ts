import { randomUUID } from 'node:crypto';
import type { Database } from '@registry/database';
import { query } from '@registry/database';
import { NO_STREAM, type NewEvent } from '@registry/event-store';
import { PostgresEventStore } from '@registry/event-store';
import { openTestDatabase } from '../../../test/support/database.js';
import {
  deliberationIndexProjection,
  deliveryLedgerProjection,
  outputReleaseProjection,
  ProjectionLagError,
  ProjectionRunner,
  type Projection,
} from '../src/index.js';
import { readFileSync } from 'node:fs';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'test', recordedAt: new Date().toISOString(), correlationId: 'c' },
});

/** Counts how often each event was applied: exactly-once shows as every count being 1. */
const counting = (name: string, fail?: () => boolean): Projection => ({
  name,
  handles: ['Counted'],
  async apply(sql, e) {
    if (fail?.()) throw new Error('handler failed');
    await sql.query(
      `INSERT INTO test_applied (projection, event_id, times) VALUES ($1, $2, 1)
       ON CONFLICT (projection, event_id) DO UPDATE SET times = test_applied.times + 1`,
      [name, e.eventId],
    );
  },
  async reset(sql) {
    await sql.query('DELETE FROM test_applied WHERE projection = $1', [name]);
  },
});

describe('ProjectionRunner', () => {
  let db: Database;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await db.dataSource.query('CREATE TABLE test_applied (projection text, event_id uuid, times int, PRIMARY KEY (projection, event_id))');
  });
  afterAll(() => db?.close());

  const times = (projection: string) =>
    query<{ times: number }>(db.dataSource, 'SELECT times FROM test_applied WHERE projection = $1', [projection]).then((rows) =>
      rows.map((r) => r.times),
    );

  it('given two runners (two instances) racing over 400 events from 8 writers, when both catch up, then every event is applied exactly once', async () => {
    const a = new ProjectionRunner(db.dataSource, store, [counting('race')], { batchSize: 25 });
    const b = new ProjectionRunner(db.dataSource, store, [counting('race')], { batchSize: 25 });
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; i < 50; i++) await store.append(`counted-${w}`, [event('Counted', { w, i })], 'any');
    });
    const readers = (async () => {
      for (let i = 0; i < 20; i++) await Promise.all([a.catchUp(), b.catchUp()]);
    })();
    await Promise.all([...writers, readers]);
    await Promise.all([a.waitFor(await store.headCheckpoint()), b.waitFor(await store.headCheckpoint())]);
    const applied = await times('race');
    expect(applied).toHaveLength(400);
    expect(applied.every((t) => t === 1)).toBe(true);
  });

  it('given a handler that throws, when caught up, then the batch and its checkpoint roll back, and a later pass applies each event once', async () => {
    let failing = true;
    const runner = new ProjectionRunner(db.dataSource, store, [counting('flaky', () => failing)], { batchSize: 1000 });
    const errors: string[] = [];
    const observed = new ProjectionRunner(db.dataSource, store, runner.projections, { onError: (name) => errors.push(name) });
    await expect(observed.catchUp()).rejects.toThrow('handler failed');
    expect(errors).toEqual(['flaky']);
    expect(await times('flaky')).toEqual([]);
    expect((await runner.checkpoints()).get('flaky')).toBeUndefined();
    failing = false;
    await runner.catchUp();
    const applied = await times('flaky');
    expect(applied.length).toBeGreaterThanOrEqual(400);
    expect(applied.every((t) => t === 1)).toBe(true);
  });

  it('given a projection that keeps failing, when a writer waits for it, then ProjectionLagError after the deadline, naming the failure as its cause, and the event stays in the log', async () => {
    const runner = new ProjectionRunner(db.dataSource, store, [counting('broken', () => true)], { waitTimeoutMs: 300 });
    const { checkpoint } = await store.append('counted-lag', [event('Counted', { lag: true })], NO_STREAM);
    const lag = await runner.waitFor(checkpoint).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(lag).toBeInstanceOf(ProjectionLagError);
    expect((lag as Error).cause).toEqual(new Error('handler failed'));
    expect(await store.readStream('counted-lag')).toHaveLength(1);
  });

  it('given a projection with side effects, when skipped to the head, then it applies nothing before the head and what comes after', async () => {
    const runner = new ProjectionRunner(db.dataSource, store, [counting('skipper')]);
    await runner.skipTo('skipper', await store.headCheckpoint());
    await store.append('counted-after', [event('Counted', { after: true })], NO_STREAM);
    await runner.catchUp();
    expect(await times('skipper')).toEqual([1]);
  });
});

describe('rebuild of the registry read models', () => {
  let db: Database;
  let store: PostgresEventStore;
  const document = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.deliberation.json', import.meta.url), 'utf8'));
  const amendment = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.amendment-1.json', import.meta.url), 'utf8'));

  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db?.close());

  const snapshot = async () => ({
    deliberations: await query(db.dataSource, 'SELECT * FROM rm_deliberations ORDER BY id'),
    deliveries: await query(db.dataSource, 'SELECT * FROM rm_deliveries ORDER BY id'),
    reminders: await query(db.dataSource, 'SELECT * FROM rm_reminders ORDER BY id'),
    outputs: await query(db.dataSource, 'SELECT * FROM rm_output_releases ORDER BY id'),
  });

  it('given deliberations, deliveries, destructions, reminders and output releases, when every projection is rebuilt, then the rows are identical', async () => {
    const projections = [deliberationIndexProjection, deliveryLedgerProjection, outputReleaseProjection];
    const runner = new ProjectionRunner(db.dataSource, store, projections, { batchSize: 7 });
    for (let n = 0; n < 20; n++) {
      const number = `30/${String(n).padStart(3, '0')}`;
      await store.append(
        `deliberation-30-${String(n).padStart(3, '0')}`,
        [event('DeliberationRecorded', { document: { ...document, number } })],
        NO_STREAM,
      );
      await store.append(`deliberation-30-${String(n).padStart(3, '0')}`, [event('DeliberationAmended', { ...amendment, sequence: 1 })], 1);
      const deliveryId = randomUUID();
      const delivery = {
        deliveryId,
        deliberation: number,
        dataset: 'sample',
        recipient: 'dwse',
        access: 'transfer',
        on: '2025-01-10',
        referenceYears: [2021],
        variables: ['person.sex'],
        obligation: true,
        destroyByAtDelivery: '2030-12-31',
      };
      await store.append(`delivery-${deliveryId}`, [event('DeliveryRecorded', delivery)], NO_STREAM);
      await store.append(
        `delivery-${deliveryId}`,
        [
          event('ReminderIssued', {
            reminderId: randomUUID(),
            delivery: deliveryId,
            deliberation: number,
            dataset: 'sample',
            recipient: 'dwse',
            destroyBy: '2030-12-31',
            threshold: 180,
            asOf: '2030-07-04',
          }),
        ],
        1,
      );
      if (n % 3 === 0)
        await store.append(
          `delivery-${deliveryId}`,
          [event('DestructionRecorded', { destroyedOn: '2030-08-01', certificateRef: `C-${n}`, attestedBy: 'DPO' })],
          2,
        );
      const releaseId = randomUUID();
      await store.append(
        `output-release-${releaseId}`,
        [
          event('OutputReleaseRecorded', {
            releaseId,
            deliberation: number,
            dataset: 'population',
            description: 'tables',
            releasedOn: '2025-03-01',
          }),
        ],
        NO_STREAM,
      );
    }
    await runner.catchUp();
    const before = await snapshot();
    expect(before.deliberations).toHaveLength(20);
    expect(before.deliveries).toHaveLength(20);
    for (const p of projections) await runner.rebuild(p.name);
    expect(await snapshot()).toEqual(before);
  });
});
