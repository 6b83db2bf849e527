/**
 * The deliveries of the decades-scale data set and everything that happened to them until
 * RUN_DATE: each delivery stream holds DeliveryRecorded, the reminders daily runs would have
 * issued (decided by the domain's reminderDue), and for most, DestructionRecorded.
 *
 * Events are built in JavaScript and hashed as the store's eventHash does (canonical JSON built
 * as text: verified against the store's own append and a re-hash of a sample), then written in
 * large multi-row INSERTs (streams and events in one transaction per chunk): the same rows the
 * store's append writes, verified afterwards by re-hashing a sample read back through the store.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GENESIS_HASH } from '../../libs/event-store/src/hash.js';
import { addDays, daysBetween } from '../../libs/domain/src/shared/dates.js';
import { reminderDue, type Threshold } from '../../libs/domain/src/reminders/reminder-due.js';
import { deadlineRanges } from '../../apps/registry/src/releases/due-obligations.js';
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
  dataText: string;
  metadataText: string;
  previousHash: string;
  hash: string;
}

export interface Deliberated {
  shape: DeliberationShape;
  timeline: DeliberationTimeline;
}

/** What every delivery under one deliberation needs, computed once: last delivery day, deadline by day range. */
interface Prepared extends Deliberated {
  last: string;
  ranges: { from: string; to: string; destroyBy: string }[];
}

const prepare = (d: Deliberated): Prepared => ({
  ...d,
  last: lastDeliveryDay(d),
  ranges: deadlineRanges(d.shape.id, d.timeline, '9999-12-31'),
});
const deadlineOf = (d: Prepared, on: string) => d.ranges.find((r) => r.from <= on && on < r.to)?.destroyBy ?? null;

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
export function deliveryEvents(i: number, eligible: Prepared[], thresholds: readonly number[]): Row[] {
  const d = eligible[(i * 7919) % eligible.length];
  const span = Math.max(1, daysBetween(d.shape.effectiveFrom, d.last));
  const on = addDays(d.shape.effectiveFrom, (i * 104_729) % span);
  const sample = i % 10 !== 9;
  const deliveryId = uuidOf(`delivery-${i}`);
  const deadline = sample ? deadlineOf(d, on) : null;
  const recipient = d.shape.recipients[i % d.shape.recipients.length];
  const dataset = sample ? 'sample' : 'population';
  // Keys in sorted order (canonical JSON), so JSON.stringify gives the text eventHash hashes.
  const data = {
    access: sample ? 'transfer' : 'secure-onsite',
    checksum: createHash('sha256').update(deliveryId).digest('hex'),
    dataset,
    deliberation: d.shape.number,
    deliveryId,
    destroyByAtDelivery: deadline,
    medium: 'sftp',
    obligation: sample,
    on,
    recipient,
    reference: `BENCH-${i}`,
    referenceYears: [2021],
    table: 'with-next-year',
    variables: ['person.sex', 'person.age_class', 'person.province', 'work.nace_code', 'work.nace_code@T+1', 'sep.nomenclature_code'],
  };
  const events: Pending[] = [
    { type: 'DeliveryRecorded', data, metadata: { actor: 'bench', correlationId: randomUUID(), recordedAt: `${on}T10:00:00.000Z` } },
  ];
  if (deadline) {
    const destroyedOn = destructionDay(i, on, deadline);
    const stop = destroyedOn ?? RUN_DATE;
    const issued: Threshold[] = [];
    const runs = [on, ...thresholds.map((t) => addDays(deadline, -t)), addDays(deadline, 1)]
      .filter((day) => day >= on && day < stop)
      .sort();
    for (const asOf of runs) {
      const threshold = reminderDue(deadline, asOf, issued, thresholds);
      if (threshold === undefined) continue;
      issued.push(threshold);
      const reminderId = uuidOf(`reminder-${i}-${threshold}`);
      events.push({
        type: 'ReminderIssued',
        data: { asOf, dataset, deliberation: d.shape.number, delivery: deliveryId, destroyBy: deadline, recipient, reminderId, threshold },
        metadata: { actor: 'reminder-scheduler', correlationId: `scheduler-${asOf}`, recordedAt: `${asOf}T05:00:00.000Z` },
      });
    }
    if (destroyedOn)
      events.push({
        type: 'DestructionRecorded',
        data: { attestedBy: `DPO of ${recipient}`, certificateRef: `CERT-${i}`, destroyedOn },
        metadata: { actor: 'bench', correlationId: randomUUID(), recordedAt: `${destroyedOn}T12:00:00.000Z` },
      });
  }
  return chain(`delivery-${deliveryId}`, events);
}

type Pending = { type: string; data: object; metadata: object };

/** Revisions and hashes: sha256(previous hash + canonical JSON of the event), built as text. */
function chain(streamId: string, events: Pending[]): Row[] {
  let previousHash = GENESIS_HASH;
  return events.map((e, index) => {
    const eventId = randomUUID();
    const dataText = JSON.stringify(e.data);
    const metadataText = JSON.stringify(e.metadata);
    const body = `{"data":${dataText},"eventId":"${eventId}","metadata":${metadataText},"revision":${index + 1},"schemaVersion":1,"streamId":"${streamId}","type":"${e.type}"}`;
    const hash = createHash('sha256').update(previousHash).update(body).digest('hex');
    const row = {
      streamId,
      revision: index + 1,
      eventId,
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata: e.metadata as Record<string, unknown>,
      dataText,
      metadataText,
      previousHash,
      hash,
    };
    previousHash = hash;
    return row;
  });
}

/** Deliberations in force long enough before RUN_DATE to have deliveries. */
export const eligibleFor = (deliberations: Deliberated[]) =>
  deliberations.filter((d) => d.shape.effectiveFrom <= addDays(RUN_DATE, -60)).map(prepare);

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
    await runner.query(
      `INSERT INTO es_streams (stream_id, revision, last_hash) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])`,
      [[...heads.keys()], [...heads.values()].map((r) => r.revision), [...heads.values()].map((r) => r.hash)],
    );
    // One JSON parameter: data and metadata arrive as JSON values, parsed once into jsonb.
    await runner.query(
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
       SELECT s, r, e, t, 1, d, m, p, h
       FROM jsonb_to_recordset($1::jsonb) AS x(s text, r bigint, e uuid, t text, d jsonb, m jsonb, p text, h text)`,
      [
        `[${rows.map((r) => `{"s":"${r.streamId}","r":${r.revision},"e":"${r.eventId}","t":"${r.type}","d":${r.dataText},"m":${r.metadataText},"p":"${r.previousHash}","h":"${r.hash}"}`).join(',')}]`,
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
 * (and hashed) while two others are written. Returns the events written and the time taken.
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
  const eligible = eligibleFor(deliberations);
  let events = 0;
  // Two chunks written at once (two connections), the next one built meanwhile.
  const writing = new Set<Promise<void>>();
  for (let from = 0; from < count; from += chunk) {
    const rows: Row[] = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) rows.push(...deliveryEvents(i, eligible, thresholds));
    while (writing.size >= 2) await Promise.race(writing);
    events += rows.length;
    const done = Math.min(count, from + chunk);
    const written = events;
    const write: Promise<void> = insertChunk(db, rows).then(() => {
      writing.delete(write);
      onChunk?.(done, written);
    });
    writing.add(write);
  }
  await Promise.all(writing);
  await db.query('ANALYZE');
  return { events, ms: performance.now() - started };
}
