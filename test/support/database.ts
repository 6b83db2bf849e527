import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '@registry/database';
import { adminQuery } from '@registry/database';

/** Which database the suite runs on: real PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export const testTarget = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server of
 * DATABASE_URL (dropped on close), or a new in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database> {
  const fresh = await freshDatabaseUrl();
  const database = await openDatabase(fresh.url ? { url: fresh.url } : { dataDir: 'memory://' });
  return {
    ...database,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

/** URL of a fresh empty database (for tests that start the service themselves). */
export async function freshDatabaseUrl(): Promise<{ url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `registry_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
