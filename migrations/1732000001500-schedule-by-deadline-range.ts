import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The destruction schedule is paged in the database: it looks up obligations by deliberation
 * and delivery-day range (one deadline per range, ADR 11), in (delivered_on, id) order, open or
 * destroyed after the schedule's date. rm_deliveries_open (deliberation_id) WHERE open is
 * dropped: rm_deliveries_open_by_day (deliberation_id, delivered_on) WHERE open serves what it
 * did, so the ledger keeps as many indexes to write as before.
 */
export class ScheduleByDeadlineRange1732000001500 implements MigrationInterface {
  name = 'ScheduleByDeadlineRange1732000001500';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query(
      'CREATE INDEX IF NOT EXISTS rm_deliveries_obligation_by_day ON rm_deliveries (deliberation_id, delivered_on, id) WHERE obligation',
    );
    await sql.query('DROP INDEX IF EXISTS rm_deliveries_open');
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query(
      'CREATE INDEX IF NOT EXISTS rm_deliveries_open ON rm_deliveries (deliberation_id) WHERE obligation AND destroyed_on IS NULL',
    );
    await sql.query('DROP INDEX IF EXISTS rm_deliveries_obligation_by_day');
  }
}
