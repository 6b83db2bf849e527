import type { DataSource, QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';

/**
 * A read model fed from the event log. `apply` runs inside the transaction that also moves
 * the projection's checkpoint, and must tolerate seeing an event it has already applied.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; others only move its checkpoint. */
  readonly handles: readonly string[];
  apply(sql: QueryRunner, event: StoredEvent): Promise<void>;
  /** Optional: the same as `apply` on each event in order, in fewer statements (rebuilds, bulk catch-up). */
  applyBatch?(sql: QueryRunner, events: StoredEvent[], options?: BatchOptions): Promise<void>;
  /** Empties its tables before a rebuild. */
  reset(sql: QueryRunner): Promise<void>;
  /** The tables a rebuild rewrites: their secondary indexes are dropped during it and built again at its end. */
  readonly tables?: readonly string[];
  /** False for projections with side effects downstream (the outbox): a rebuild would send twice. */
  readonly rebuildable?: boolean;
}

/** How a batch may write (the runner decides). */
export interface BatchOptions {
  /** Groups of at least this many new rows may be written by `COPY … FROM STDIN` (copy-rows.ts); unset: never (PGlite). */
  copyFrom?: number;
}

/** What a read model's queries run on: the pool, or a transaction's runner. */
export type SqlExecutor = DataSource | QueryRunner;
