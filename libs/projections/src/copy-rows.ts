import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { isUniqueViolation } from '@registry/database';

/**
 * Writes rows into a table through the QueryRunner's own connection, in its transaction, with
 * `COPY … FROM STDIN` (text format): no statement per row and no JSON document of the whole
 * batch to parse. PostgreSQL only (PGlite keeps the INSERT path: ADR 13). A row that violates a
 * constraint fails the whole COPY; callers run it under a savepoint (`copyOrElse`).
 */
export async function copyRows(
  sql: QueryRunner,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const client = (sql as unknown as { databaseConnection?: ClientBase }).databaseConnection;
  if (!client) throw new Error('COPY needs a connected QueryRunner');
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  // Sent a few hundred rows at a time: PostgreSQL writes one part while the next is encoded.
  await pipeline(Readable.from(encoded(rows)), stream);
}

function* encoded(rows: readonly (readonly unknown[])[], part = 256): Generator<string> {
  for (let from = 0; from < rows.length; from += part) {
    let text = '';
    for (const row of rows.slice(from, from + part)) text += row.map(field).join('\t') + '\n';
    yield text;
  }
}

/** COPY text format: null and undefined are \N (NULL), objects JSON (jsonb); backslash, tab and line ends escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, escape) : text;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (c: string) => ESCAPES[c];

/** Below this many new rows of a kind in a batch (a catch-up), an INSERT costs less than a savepoint and a COPY. */
export const COPY_FROM = 200;

/**
 * Runs `copy` under a savepoint; when a row is already there (a unique violation: a replayed
 * batch, or the log holding an event twice), rolls it back and runs `otherwise` (the INSERT … ON
 * CONFLICT path), so the rows are those `otherwise` alone would give.
 */
export async function copyOrElse(sql: QueryRunner, copy: () => Promise<void>, otherwise: () => Promise<unknown>): Promise<void> {
  await sql.query('SAVEPOINT projection_copy');
  try {
    await copy();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await sql.query('ROLLBACK TO SAVEPOINT projection_copy');
    await otherwise();
    return;
  }
  await sql.query('RELEASE SAVEPOINT projection_copy');
}
