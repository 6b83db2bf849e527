import type { DataSource, QueryRunner } from 'typeorm';
import { query, withTransaction } from '@registry/database';

/**
 * A rebuild writes every row of its tables again. Keeping their secondary indexes up to date
 * row by row costs more than building each once at the end (a sort), so a rebuild drops them
 * and creates them again when it ends. Their definitions are kept in `projection_deferred_indexes`
 * in the transaction that drops them, so that a rebuild killed half-way loses none: the next
 * rebuild or the next start of a ProjectionRunner creates what is listed there.
 * Primary keys and unique indexes stay: the projections' ON CONFLICT needs them.
 */
export async function deferIndexes(sql: QueryRunner, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  const indexes = await query<{ index_name: string; table_name: string; definition: string }>(
    sql,
    `SELECT i.relname AS index_name, t.relname AS table_name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisunique AND NOT x.indisprimary`,
    [[...tables]],
  );
  for (const index of indexes) {
    await sql.query(
      `INSERT INTO projection_deferred_indexes (index_name, table_name, definition) VALUES ($1, $2, $3)
       ON CONFLICT (index_name) DO NOTHING`,
      [index.index_name, index.table_name, index.definition],
    );
    await sql.query(`DROP INDEX ${quoteIdent(index.index_name)}`);
  }
}

/** Creates every index a rebuild dropped (all of them, or those of `tables`), each in its own transaction. */
export async function restoreIndexes(dataSource: DataSource, tables?: readonly string[]): Promise<number> {
  const deferred = await query<{ index_name: string; definition: string }>(
    dataSource,
    'SELECT index_name, definition FROM projection_deferred_indexes WHERE $1::text[] IS NULL OR table_name = ANY($1::text[])',
    [tables ? [...tables] : null],
  );
  for (const index of deferred)
    await withTransaction(dataSource, async (sql) => {
      await sql.query(index.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
      await sql.query('DELETE FROM projection_deferred_indexes WHERE index_name = $1', [index.index_name]);
    });
  return deferred.length;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
