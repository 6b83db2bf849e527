import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key row is claimed for a while instead of deleted on failure (issue 10): a
 * request that failed after its write committed releases the claim, and its retry takes the
 * key over and finds the events recorded under it.
 */
export class IdempotencyClaims1732000000002 implements MigrationInterface {
  name = 'IdempotencyClaims1732000000002';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query(`ALTER TABLE idempotency_keys ADD COLUMN claimed_until timestamptz NOT NULL DEFAULT now()`);
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query(`ALTER TABLE idempotency_keys DROP COLUMN claimed_until`);
  }
}
