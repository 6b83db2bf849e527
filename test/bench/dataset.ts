import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { GENESIS_HASH, eventHash } from '@registry/event-store';
import type { BenchRegistry } from './registry.js';

const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/24-130.deliberation.json', import.meta.url), 'utf8'));

/** Recipients named by deliberation k: two of 100 organisations. */
export const recipientsOf = (k: number): [string, string] => [`org-${k % 100}`, `org-${100 + (k % 37)}`];

/** Deliberation k (1-based): the 24/130 fixture renumbered 25/k, naming its own recipients. */
export function deliberationDocument(k: number) {
  const [a, b] = recipientsOf(k);
  const { requiredCommitments: _, ...doc } = fixture;
  return {
    ...doc,
    number: `25/${k}`,
    parties: [
      { id: a, name: `Organisation ${a}`, roles: ['joint-controller', 'recipient'] },
      { id: b, name: `Organisation ${b}`, roles: ['recipient'] },
      { id: 'ksz', name: 'Kruispuntbank van de Sociale Zekerheid', roles: ['source'] },
    ],
  };
}

/** Records `count` deliberations through the service (load, decide, append, wait for the read models). */
export async function recordDeliberations(runtime: BenchRegistry, count: number): Promise<number> {
  const started = performance.now();
  for (let k = 1; k <= count; k++) {
    await runtime.deliberations.record(deliberationDocument(k) as never, { actor: 'bench', correlationId: randomUUID() });
  }
  return performance.now() - started;
}

const VARIABLES = '["person.sex","person.age_class","person.province","work.nace_code","work.nace_code@T+1","sep.nomenclature_code"]';

/**
 * One INSERT ... SELECT over generate_series: DeliveryRecorded events i = from .. from+count-1,
 * each the first event of its own stream `delivery-<uuid>` as the service writes them, with the
 * canonical JSON (keys sorted, no spaces) built as text so that sha256 in SQL gives the hash
 * `eventHash(GENESIS_HASH, ...)` computes. Streams first, then events, in one transaction.
 */
const DELIVERIES_SQL = `
  WITH g AS (
    SELECT i, md5('delivery-' || i)::uuid::text AS delivery_id, md5('event-' || i)::uuid::text AS event_id,
           md5('correlation-' || i)::uuid::text AS correlation_id, (i % $3::bigint) + 1 AS k
    FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) AS i
  ), d AS (
    SELECT i, event_id, 'delivery-' || delivery_id AS stream_id,
      '{"access":"transfer","checksum":"' || md5(delivery_id) || md5(event_id) || '","dataset":"sample","deliberation":"25/' || k
        || '","deliveryId":"' || delivery_id || '","destroyByAtDelivery":"2030-12-31","medium":"sftp","obligation":true,"on":"2025-01-15","recipient":"org-'
        || (k % 100) || '","reference":"BENCH-' || i || '","referenceYears":[2021,2022],"table":"with-next-year","variables":${VARIABLES}}' AS data_text,
      '{"actor":"bench","correlationId":"' || correlation_id || '","recordedAt":"2025-01-15T10:00:00.000Z"}' AS metadata_text
    FROM g
  )
  SELECT i, event_id, stream_id, data_text, metadata_text,
    encode(sha256(convert_to('${GENESIS_HASH}' || '{"data":' || data_text || ',"eventId":"' || event_id || '","metadata":' || metadata_text
      || ',"revision":1,"schemaVersion":1,"streamId":"' || stream_id || '","type":"DeliveryRecorded"}', 'UTF8')), 'hex') AS hash
  FROM d`;

/** Appends `count` DeliveryRecorded events in chunks of `chunk` per transaction; returns elapsed ms. */
export async function loadDeliveries(
  db: DataSource,
  count: number,
  deliberations: number,
  onChunk?: (done: number) => void,
  chunk = 20_000,
): Promise<number> {
  const started = performance.now();
  for (let from = 1; from <= count; from += chunk) {
    const n = Math.min(chunk, count - from + 1);
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`CREATE TEMP TABLE bench_load ON COMMIT DROP AS ${DELIVERIES_SQL}`, [from, n, deliberations]);
      await runner.query(`INSERT INTO es_streams (stream_id, revision, last_hash) SELECT stream_id, 1, hash FROM bench_load`);
      await runner.query(
        `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
         SELECT stream_id, 1, event_id::uuid, 'DeliveryRecorded', 1, data_text::jsonb, metadata_text::jsonb, '${GENESIS_HASH}', hash
         FROM bench_load ORDER BY i`,
      );
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    onChunk?.(from + n - 1);
  }
  // Autovacuum would analyze a table grown 100-fold within a minute; the bench measures at once.
  await db.query('ANALYZE es_events');
  await db.query('ANALYZE es_streams');
  return performance.now() - started;
}

/** Re-hashes a sample of the loaded events in JavaScript: the bulk load wrote valid chains. */
export async function checkLoadedHashes(runtime: BenchRegistry, sample = 50): Promise<void> {
  const rows: { stream_id: string }[] = await runtime.database.dataSource.query(
    `SELECT stream_id FROM es_events WHERE type = 'DeliveryRecorded' ORDER BY global_position DESC LIMIT $1`,
    [sample],
  );
  const streams = await runtime.store.readStreams(rows.map((r) => r.stream_id));
  for (const [streamId, events] of streams) {
    for (const e of events) {
      const expected = eventHash(e.previousHash, { ...e, streamId });
      if (expected !== e.hash || e.data.deliveryId !== streamId.replace('delivery-', ''))
        throw new Error(`bulk-loaded event ${e.eventId} of ${streamId} has hash ${e.hash}, expected ${expected}`);
    }
  }
}
