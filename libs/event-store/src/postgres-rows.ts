import type { DataSource, QueryRunner } from 'typeorm';
import { DuplicateEventError, START, type AppendResult, type Checkpoint, type NewEvent, type StoredEvent } from './event-store.js';
import { canonicalJson } from './hash.js';

/** Rows, checkpoints and duplicate detection shared by the PostgreSQL store's append and reads. */
export type Sql = DataSource | QueryRunner;

export const COLUMNS = `global_position::text AS position, transaction_id::text AS xid, stream_id, revision::text AS revision,
  event_id::text AS event_id, type, schema_version, data, metadata, previous_hash, hash`;

export interface EventRow {
  position: string;
  xid: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  previous_hash: string;
  hash: string;
}

/** Rows per INSERT statement, well under PostgreSQL's 65,535 bind parameters. */
export const INSERT_CHUNK = 1000;

export function formatCheckpoint(xid: string, position: string): Checkpoint {
  return `${xid}:${position}`;
}

export function parseCheckpoint(checkpoint: Checkpoint): [xid: bigint, position: bigint] {
  if (checkpoint === START) return [0n, 0n];
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event store checkpoint: ${JSON.stringify(checkpoint)}`);
  return [BigInt(match[1]), BigInt(match[2])];
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const [ax, ap] = parseCheckpoint(a);
  const [bx, bp] = parseCheckpoint(b);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

export function toEvent(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** Result rows of a query on a DataSource (a pooled connection) or on a QueryRunner. */
export async function records<T>(sql: Sql, query: string, parameters: unknown[]): Promise<T[]> {
  if ('createQueryRunner' in sql) return (await sql.query(query, parameters)) as T[];
  return (await sql.query(query, parameters, true)).records as T[];
}

/** Stored rows of these event ids; the result decides duplicate, conflict or new. */
export async function existingEvents(sql: Sql, ids: string[]): Promise<EventRow[]> {
  return records<EventRow>(sql, `SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::uuid[])`, [ids]);
}

/** A duplicate result when `events` were all stored before in this stream; throws when only partly. */
export function duplicateOf(streamId: string, events: NewEvent[], existing: EventRow[]): AppendResult | undefined {
  if (existing.length === 0) return undefined;
  const byId = new Map(existing.map((row) => [row.event_id, row]));
  for (const event of events) {
    const row = byId.get(event.eventId);
    const same =
      row?.stream_id === streamId &&
      row.type === event.type &&
      row.schema_version === event.schemaVersion &&
      canonicalJson(row.data) === canonicalJson(event.data);
    if (!same) throw new DuplicateEventError((row ?? existing[0]).event_id, streamId);
  }
  const last = existing.reduce((a, b) => (Number(b.revision) > Number(a.revision) ? b : a));
  return {
    revision: Number(last.revision),
    position: last.position,
    checkpoint: formatCheckpoint(last.xid, last.position),
    duplicate: true,
  };
}
