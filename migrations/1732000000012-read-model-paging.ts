import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset paging and filters on the lists, and when each destruction became known (for `knownAt`). */
export class ReadModelPaging1732000000012 implements MigrationInterface {
  name = 'ReadModelPaging1732000000012';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query('ALTER TABLE rm_deliveries ADD COLUMN IF NOT EXISTS destruction_recorded_at timestamptz');
    await sql.query('CREATE INDEX IF NOT EXISTS rm_deliveries_page ON rm_deliveries (delivered_on, recorded_at, id)');
    await sql.query('CREATE INDEX IF NOT EXISTS rm_deliveries_dataset ON rm_deliveries (dataset)');
    await sql.query('CREATE INDEX IF NOT EXISTS rm_deliberations_page ON rm_deliberations (decided_on, id)');
    await sql.query('CREATE INDEX IF NOT EXISTS rm_reminders_page ON rm_reminders (issued_at, id)');
    await sql.query('CREATE INDEX IF NOT EXISTS rm_output_releases_page ON rm_output_releases (deliberation_id, recorded_at, id)');
  }

  async down(sql: QueryRunner): Promise<void> {
    for (const index of [
      'rm_output_releases_page',
      'rm_reminders_page',
      'rm_deliberations_page',
      'rm_deliveries_dataset',
      'rm_deliveries_page',
    ])
      await sql.query(`DROP INDEX IF EXISTS ${index}`);
    await sql.query('ALTER TABLE rm_deliveries DROP COLUMN IF EXISTS destruction_recorded_at');
  }
}
