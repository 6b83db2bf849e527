import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder run looks up open obligations by deliberation and delivery-day range: the
 * deadline as amended is a function of exactly these two (ADR 11). A plain CREATE INDEX:
 * on a million-delivery ledger it holds writes to rm_deliveries for a second or two.
 */
export class DueObligationsIndex1732000001400 implements MigrationInterface {
  name = 'DueObligationsIndex1732000001400';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query(
      `CREATE INDEX IF NOT EXISTS rm_deliveries_open_by_day ON rm_deliveries (deliberation_id, delivered_on) WHERE obligation AND destroyed_on IS NULL`,
    );
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query('DROP INDEX IF EXISTS rm_deliveries_open_by_day');
  }
}
