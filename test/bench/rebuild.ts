import pg from 'pg';
import type { BenchRegistry } from './registry.js';
import { urlOf } from './databases.js';

export interface Throughput {
  events: number;
  ms: number;
  perSecond: number;
}

const through = (events: number, ms: number): Throughput => ({ events, ms, perSecond: events / (ms / 1000) });

/** ProjectionRunner.rebuild of one projection over the whole log. */
export async function rebuild(runtime: BenchRegistry, name: string): Promise<Throughput> {
  const started = performance.now();
  const events = await runtime.projections.rebuild(name);
  return through(events, performance.now() - started);
}

/** Every projection catching up from where it is (after the bulk load: all of it but the deliberations). */
export async function catchUp(runtime: BenchRegistry): Promise<number> {
  const started = performance.now();
  await runtime.projections.catchUp();
  return performance.now() - started;
}

/**
 * Baseline: the same rows, same columns and same order as readAll, through a server-side
 * cursor on one node-postgres connection, 10,000 rows per FETCH (jsonb parsed by pg).
 */
export async function rawCursorRead(runtime: BenchRegistry): Promise<Throughput> {
  const client = new pg.Client({ connectionString: urlOf(runtime.database) });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(`DECLARE bench_cursor NO SCROLL CURSOR FOR
      SELECT global_position::text AS position, transaction_id::text AS xid, stream_id, revision::text AS revision,
        event_id::text AS event_id, type, schema_version, data, metadata, previous_hash, hash
      FROM es_events ORDER BY transaction_id, global_position`);
    let events = 0;
    for (;;) {
      const { rows } = await client.query('FETCH 10000 FROM bench_cursor');
      if (rows.length === 0) break;
      events += rows.length;
    }
    await client.query('COMMIT');
    return through(events, performance.now() - started);
  } finally {
    await client.end();
  }
}
