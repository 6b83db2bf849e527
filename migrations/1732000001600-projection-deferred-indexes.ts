import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secondary indexes a read-model rebuild has dropped and must create again when it ends
 * (libs/projections/src/deferred-indexes.ts): kept here, in the transaction that drops them, so
 * that a rebuild killed half-way loses none.
 */
export class ProjectionDeferredIndexes1732000001600 implements MigrationInterface {
  name = 'ProjectionDeferredIndexes1732000001600';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS projection_deferred_indexes (
        index_name text PRIMARY KEY,
        table_name text NOT NULL,
        definition text NOT NULL
      )`);
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query('DROP TABLE IF EXISTS projection_deferred_indexes');
  }
}
