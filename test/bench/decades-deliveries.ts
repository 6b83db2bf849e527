/**
 * The deliveries of the decades-scale data set and everything that happened to them until
 * RUN_DATE: each delivery stream holds DeliveryRecorded, the reminders daily runs would have
 * issued (decided by the domain's reminderDue), and for most, DestructionRecorded.
 *
 * Events are built in JavaScript and hashed with the store's own eventHash, then written in
 * large multi-row INSERTs (streams and events in one transaction per chunk): the same rows the
 * store's append writes, verified afterwards by re-hashing a sample read back through the store.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GENESIS_HASH, eventHash } from '../../libs/event-store/src/hash.js';
import { addDays, daysBetween } from '../../libs/domain/src/shared/dates.js';
import { reminderDue, type Threshold } from '../../libs/domain/src/reminders/reminder-due.js';
import { destroyByFor } from '../../libs/domain/src/retention/destruction-deadline.js';
import { documentAsOf, type DeliberationTimeline } from '../../libs/domain/src/deliberation/timeline.js';
import type { DeliberationShape } from './decades-shapes.js';

/**
 * The day the data set stops: reminders and destructions are recorded up to the day before.
 * 180 days before 31 December, the usual end of retention: the reminder run of that day has a
 * year of deadlines to remind (the heavy day, not a quiet one).
 */
export const RUN_DATE = '2026-07-04';

interface Row {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

export interface Deliberated {
  shape: DeliberationShape;
  timeline: DeliberationTimeline;
}

const uuidOf = (seed: string) => {
  const h = createHash('md5').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The last day deliveries under a deliberation are made: before revocation, retention end and RUN_DATE. */
function lastDeliveryDay(d: Deliberated): string {
  const ends = [addDays(RUN_DATE, -1), addDays(documentAsOf(d.timeline, d.shape.effectiveFrom).retention?.destroyBy ?? RUN_DATE, -60)];
  if (d.timeline.revocation) ends.push(addDays(d.timeline.revocation.effectiveFrom, -1));
  return ends.sort()[0];
}

/** The event stream of delivery i (0-based) under one of the deliberations. */
export function deliveryEvents(i: number, eligible: Deliberated[], thresholds: readonly number[]): Row[] {
  const d = eligible[(i * 7919) % eligible.length];
  const span = Math.max(1, daysBetween(d.shape.effectiveFrom, lastDeliveryDay(d)));
  const on = addDays(d.shape.effectiveFrom, (i * 104_729) % span);
  const sample = i % 10 !== 9;
  const deliveryId = uuidOf(`delivery-${i}`);
  const deadline = sample ? destroyByFor(d.timeline, on) : null;
  const data = {
    deliberation: d.shape.number,
    recipient: d.shape.recipients[i % d.shape.recipients.length],
    dataset: sample ? 'sample' : 'population',
    on,
    access: sample ? 'transfer' : 'secure-onsite',
    referenceYears: [2021],
    table: 'with-next-year',
    variables: ['person.sex', 'person.age_class', 'person.province', 'work.nace_code', 'work.nace_code@T+1', 'sep.nomenclature_code'],
    reference: `BENCH-${i}`,
    checksum: createHash('sha256').update(deliveryId).digest('hex'),
    medium: 'sftp',
    deliveryId,
    obligation: sample,
    destroyByAtDelivery: deadline,
  };
  const streamId = `delivery-${deliveryId}`;
  const events: Omit<Row, 'previousHash' | 'hash' | 'revision' | 'streamId'>[] = [
    { eventId: randomUUID(), type: 'DeliveryRecorded', data, metadata: { actor: 'bench', correlationId: randomUUID(), recordedAt: `${on}T10:00:00.000Z` } },
  ];
  if (deadline) {
    const destroyedOn = destructionDay(i, on, deadline);
    const stop = destroyedOn ?? RUN_DATE;
    const issued: Threshold[] = [];
    const runs = [on, ...thresholds.map((t) => addDays(deadline, -t)), addDays(deadline, 1)].filter((day) => day >= on && day < stop).sort();
    for (const asOf of runs) {
      const threshold = reminderDue(deadline, asOf, issued, thresholds);
      if (threshold === undefined) continue;
      issued.push(threshold);
      const reminderId = uuidOf(`reminder-${i}-${threshold}`);
      events.push({
        eventId: randomUUID(),
        type: 'ReminderIssued',
        data: { reminderId, delivery: deliveryId, deliberation: d.shape.number, dataset: data.dataset, recipient: data.recipient, destroyBy: deadline, threshold, asOf },
        metadata: { actor: 'reminder-scheduler', correlationId: `scheduler-${asOf}`, recordedAt: `${asOf}T05:00:00.000Z` },
      });
    }
    if (destroyedOn)
      events.push({
        eventId: randomUUID(),
        type: 'DestructionRecorded',
        data: { destroyedOn, certificateRef: `CERT-${i}`, attestedBy: `DPO of ${data.recipient}` },
        metadata: { actor: 'bench', correlationId: randomUUID(), recordedAt: `${destroyedOn}T12:00:00.000Z` },
      });
  }
  let previousHash = GENESIS_HASH;
  return events.map((e, index) => {
    const row = { ...e, streamId, revision: index + 1, previousHash, hash: '' };
    row.hash = eventHash(previousHash, { ...row, schemaVersion: 1 });
    previousHash = row.hash;
    return row;
  });
}

/** Past deadlines: 19 in 20 destroyed three days before; future ones: 1 in 5 destroyed early. */
function destructionDay(i: number, on: string, deadline: string): string | undefined {
  if (deadline < RUN_DATE) return i % 20 === 0 ? undefined : [on, addDays(deadline, -3)].sort().at(-1);
  const early = addDays(on, 30 + (i % 300));
  return i % 5 === 0 && early < RUN_DATE && early < deadline ? early : undefined;
}

async function insertChunk(db: DataSource, rows: Row[]): Promise<void> {
  const heads = new Map<string, Row>();
  for (const r of rows) heads.set(r.streamId, r);
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`INSERT INTO es_streams (stream_id, revision, last_hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])`, [
      [...heads.keys()], [...heads.values()].map((r) => r.revision), [...heads.values()].map((r) => r.hash),
    ]);
    await runner.query(
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
       SELECT s, r, e::uuid, t, 1, d::jsonb, m::jsonb, p, h
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(s, r, e, t, d, m, p, h)`,
      [
        rows.map((r) => r.streamId), rows.map((r) => r.revision), rows.map((r) => r.eventId), rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)), rows.map((r) => JSON.stringify(r.metadata)), rows.map((r) => r.previousHash), rows.map((r) => r.hash),
      ],
    );
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Writes `count` delivery streams, `chunk` deliveries per transaction; the next chunk is built
 * (and hashed) while the previous one is written. Returns the events written and the time taken.
 */
export async function loadDeliveryStreams(
  db: DataSource,
  deliberations: Deliberated[],
  count: number,
  thresholds: readonly number[],
  onChunk?: (done: number, events: number) => void,
  chunk = 4000,
) {
  const started = performance.now();
  const eligible = deliberations.filter((d) => d.shape.effectiveFrom <= addDays(RUN_DATE, -60));
  let events = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < count; from += chunk) {
    const rows: Row[] = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) rows.push(...deliveryEvents(i, eligible, thresholds));
    await writing;
    events += rows.length;
    const done = Math.min(count, from + chunk);
    writing = insertChunk(db, rows).then(() => onChunk?.(done, events));
  }
  await writing;
  await db.query('ANALYZE');
  return { events, ms: performance.now() - started };
}
