import { mkdirSync } from 'node:fs';
import { DataSource, type MigrationInterface } from 'typeorm';
import { lockDataDirectory } from './data-dir-lock.js';
import { allMigrations } from '../../../migrations/index.js';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite in `dataDir` is used. */
  url?: string;
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  timeouts?: Partial<DatabaseTimeouts>;
}

/** Limits on every database call, so a sick database gives errors (503) instead of hangs. */
export interface DatabaseTimeouts {
  /** Server side: a statement running longer is cancelled (PostgreSQL `statement_timeout`). */
  statementMs: number;
  /** Server side: waiting longer for a lock fails (PostgreSQL `lock_timeout`). */
  lockMs: number;
  /** Client side: opening a connection. */
  connectMs: number;
  /** Client side: no answer on the wire for this long fails the query (a stalled network path). */
  queryMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { statementMs: 30_000, lockMs: 10_000, connectMs: 5_000, queryMs: 35_000 };

export interface Database {
  dataSource: DataSource;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves an embedded PGlite over the PostgreSQL wire protocol on loopback, so TypeORM's
 * ordinary `postgres` driver can use it. The multiplexer in pglite-socket runs one
 * transaction at a time: a query on a second connection waits for the first connection's
 * transaction to end (ADR 0003). Never query another connection inside a transaction.
 */
async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // PGlite is single-process: a second process on the same files would accept writes that the
  // first then loses, and may corrupt the directory (issue 10). In memory nothing is shared.
  const lock = inMemory ? undefined : lockDataDirectory(dataDir);
  try {
    const db = await PGlite.create(inMemory ? undefined : dataDir);
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 64 });
    await server.start();
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
    return {
      url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.url ? undefined : await startEmbedded(options.dataDir ?? './data');
  const url = options.url ?? embedded!.url;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: allMigrations as unknown as (new () => MigrationInterface)[],
    migrationsTableName: 'registry_migrations',
    migrationsTransactionMode: 'each',
    extra: {
      // One connection for PGlite: pglite-socket queues each wire message on its own, so
      // extended-protocol messages (Parse/Bind/Execute) of concurrent sessions interleave
      // outside a transaction ("unnamed prepared statement does not exist", or a Bind that
      // runs another session's statement). It runs one transaction at a time anyway.
      max: options.poolSize ?? (embedded ? 1 : 16),
      // A session left idle inside a transaction would stall every catch-up reader (ADR 0002).
      idle_in_transaction_session_timeout: embedded ? undefined : 60_000,
      // Server-side limits go in the startup packet (PostgreSQL); PGlite runs in-process and
      // one statement at a time, so only the client-side limits apply there.
      statement_timeout: embedded ? undefined : timeouts.statementMs,
      lock_timeout: embedded ? undefined : timeouts.lockMs,
      query_timeout: timeouts.queryMs,
      connectionTimeoutMillis: timeouts.connectMs,
      keepAlive: true,
    },
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    kind: embedded ? 'pglite' : 'postgres',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
