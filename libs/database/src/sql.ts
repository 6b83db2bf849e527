import type { DataSource, QueryRunner } from 'typeorm';

/** Rows of a TypeORM raw query, whether it returned `rows` or `[rows, count]` (UPDATE/DELETE). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export async function query<T>(sql: DataSource | QueryRunner, text: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await sql.query(text, params));
}

/**
 * Runs `work` in one transaction on one connection. Inside it, query only through the given
 * runner: on PGlite a query on another connection waits for this transaction and deadlocks.
 */
export async function withTransaction<T>(dataSource: DataSource, work: (sql: QueryRunner) => Promise<T>): Promise<T> {
  const sql = dataSource.createQueryRunner();
  await sql.connect();
  await sql.startTransaction();
  try {
    const result = await work(sql);
    await sql.commitTransaction();
    return result;
  } catch (error) {
    await sql.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await sql.release();
  }
}

/** One statement on its own short-lived connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a driver error carries (node-postgres and PGlite both put it in `code`). */
export const sqlStateOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A unique or primary key was violated (23505). */
export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';
