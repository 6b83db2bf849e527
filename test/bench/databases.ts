import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@registry/database';
import type { TargetName } from './options.js';
import { adminQuery } from '@registry/database';

/** A fresh, empty place for the registry's data: a PGlite directory or a new PostgreSQL database. */
export interface Place {
  target: TargetName;
  /** REGISTRY_DATA_DIR or DATABASE_URL for a child process. */
  env: Record<string, string>;
  /** What openDatabase takes. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function freshPlace(target: TargetName, databaseUrl: string | undefined, base: string): Promise<Place> {
  if (target === 'pglite') {
    const dir = mkdtempSync(join(base || tmpdir(), 'registry-bench-'));
    return {
      target,
      env: { REGISTRY_DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `registry_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(databaseUrl!, `CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl!);
  url.pathname = `/${name}`;
  return {
    target,
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    drop: () => adminQuery(databaseUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The URL the DataSource talks to (for PGlite: its loopback pglite-socket server). */
export function urlOf(database: Database): string {
  return (database.dataSource.options as { url?: string }).url!;
}

/** How many connections a client of this database may use at once (pglite-socket: one, as openDatabase does). */
export function poolLimit(database: Database, wanted: number): number {
  return database.kind === 'pglite' ? 1 : wanted;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
