import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import type { Database } from '@registry/database';
import type { NewEvent } from '@registry/event-store';
import { PostgresEventStore } from '@registry/event-store';
import { poolLimit, urlOf, withTimeout } from './databases.js';

/** Appends per second, or why the system could not be measured. */
export type Rate = { perSecond: number; ops: number } | { error: string };

export interface AppendResults {
  clients: number;
  ours: Rate;
  raw: Rate;
  emmett: Rate;
}

/** A ~600-byte event body (data plus metadata), like a recorded delivery. */
function payload(stream: number, n: number) {
  const data = {
    deliveryId: randomUUID(),
    deliberation: `25/${stream}`,
    recipient: `org-${stream % 100}`,
    dataset: 'sample',
    access: 'transfer',
    on: '2025-01-15',
    referenceYears: [2021, 2022],
    variables: ['person.sex', 'person.age_class', 'person.province', 'work.nace_code', 'work.nace_code@T+1', 'sep.nomenclature_code'],
    table: 'with-next-year',
    reference: `BENCH-${stream}-${n}`,
    checksum: 'a'.repeat(64),
    medium: 'sftp',
    obligation: true,
    destroyByAtDelivery: '2030-12-31',
  };
  const metadata = { actor: 'bench', recordedAt: new Date().toISOString(), correlationId: randomUUID() };
  return { data, metadata };
}

export const EVENT_BYTES = Buffer.byteLength(JSON.stringify(payload(999, 99999)));

/**
 * Runs `clients` loops for warm-up + `seconds`; each loop owns the streams s with
 * s % clients === its index and cycles through them, so appends never conflict.
 * Counts what completed inside the measured window.
 */
async function drive(clients: number, streams: number, seconds: number, op: (stream: number, n: number) => Promise<void>): Promise<Rate> {
  const warmup = 1000;
  const start = Date.now();
  const measureFrom = start + warmup;
  const end = measureFrom + seconds * 1000;
  let counted = 0;
  let firstError: unknown;
  const loops = Array.from({ length: clients }, async (_, c) => {
    const mine = Array.from({ length: Math.ceil((streams - c) / clients) }, (_, i) => c + i * clients);
    for (let n = 0; Date.now() < end && firstError === undefined; n++) {
      const stream = mine[n % mine.length];
      try {
        await op(stream, n);
      } catch (error) {
        firstError ??= error;
        return;
      }
      const now = Date.now();
      if (now >= measureFrom && now <= end) counted++;
    }
  });
  await Promise.all(loops);
  if (firstError !== undefined) return { error: String((firstError as Error).message ?? firstError).slice(0, 160) };
  return { perSecond: counted / seconds, ops: counted };
}

async function raw(database: Database, clients: number, streams: number, seconds: number): Promise<Rate> {
  const pool = new pg.Pool({ connectionString: urlOf(database), max: poolLimit(database, clients) });
  pool.on('error', () => undefined); // an idle client's error must not end the run
  try {
    await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
    return await drive(clients, streams, seconds, async (stream, n) => {
      const { data, metadata } = payload(stream, n);
      await pool.query('INSERT INTO bench_raw_events (stream_id, type, data, metadata) VALUES ($1, $2, $3, $4)', [
        `raw-${stream}`,
        'BenchEvent',
        data,
        metadata,
      ]);
    });
  } finally {
    await pool.end();
  }
}

async function ours(database: Database, clients: number, streams: number, seconds: number, prefix: string): Promise<Rate> {
  const store = new PostgresEventStore(database.dataSource);
  const revisions = new Map<number, number>();
  return drive(clients, streams, seconds, async (stream, n) => {
    const { data, metadata } = payload(stream, n);
    const event: NewEvent = { eventId: randomUUID(), type: 'BenchEvent', schemaVersion: 1, data, metadata };
    const result = await store.append(`${prefix}-${stream}`, [event], revisions.get(stream) ?? 0);
    revisions.set(stream, result.revision);
  });
}

async function emmett(database: Database, clients: number, streams: number, seconds: number, prefix: string): Promise<Rate> {
  const url = urlOf(database);
  const pool = new pg.Pool({ connectionString: url, max: poolLimit(database, clients) });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool, pooled: true } });
  const versions = new Map<number, bigint>();
  try {
    // Emmett creates its schema on first use: outside the measured window.
    await withTimeout(
      store.appendToStream(`${prefix}-setup`, [{ type: 'BenchEvent', data: payload(0, 0).data }]),
      30_000,
      'Emmett schema setup',
    );
    return await withTimeout(
      drive(clients, streams, seconds, async (stream, n) => {
        const { data, metadata } = payload(stream, n);
        const result = await store.appendToStream(`${prefix}-${stream}`, [{ type: 'BenchEvent', data, metadata }], {
          expectedStreamVersion: versions.get(stream) ?? STREAM_DOES_NOT_EXIST,
        });
        versions.set(stream, result.nextExpectedStreamVersion);
      }),
      (seconds + 30) * 1000,
      'Emmett appends',
    );
  } catch (error) {
    return { error: String((error as Error).message ?? error).slice(0, 160) };
  } finally {
    await withTimeout(store.close(), 5000, 'Emmett close').catch(() => undefined);
    await withTimeout(pool.end(), 5000, 'pool end').catch(() => undefined);
  }
}

export async function appendBench(
  database: Database,
  clientCounts: number[],
  streams: number,
  seconds: number,
  log: (m: string) => void,
): Promise<AppendResults[]> {
  const results: AppendResults[] = [];
  for (const clients of clientCounts) {
    const r = await raw(database, clients, streams, seconds);
    log(`  raw INSERT, ${clients} client(s): ${fmtRate(r)}`);
    const o = await ours(database, clients, streams, seconds, `bench${clients}`);
    log(`  our append, ${clients} client(s): ${fmtRate(o)}`);
    const e = await emmett(database, clients, streams, seconds, `emmett${clients}`);
    log(`  Emmett appendToStream, ${clients} client(s): ${fmtRate(e)}`);
    results.push({ clients, raw: r, ours: o, emmett: e });
  }
  return results;
}

export function fmtRate(r: Rate): string {
  return 'error' in r ? `failed: ${r.error}` : `${Math.round(r.perSecond).toLocaleString('en-US')}/s`;
}
