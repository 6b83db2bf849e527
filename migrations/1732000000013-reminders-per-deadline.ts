import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders are issued once per delivery, deadline and threshold ("Reminders follow the
 * deadline"): when an amendment moves a delivery's destroyBy, "30 days before" is issued again
 * before the new date, so the read model is unique per deadline too.
 */
export class RemindersPerDeadline1732000000013 implements MigrationInterface {
  name = 'RemindersPerDeadline1732000000013';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query('ALTER TABLE rm_reminders DROP CONSTRAINT IF EXISTS rm_reminders_delivery_id_threshold_key');
    await sql.query(`CREATE UNIQUE INDEX rm_reminders_per_deadline ON rm_reminders (delivery_id, (data->>'destroyBy'), threshold)`);
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query('DROP INDEX rm_reminders_per_deadline');
    await sql.query('ALTER TABLE rm_reminders ADD CONSTRAINT rm_reminders_delivery_id_threshold_key UNIQUE (delivery_id, threshold)');
  }
}
