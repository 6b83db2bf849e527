import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check that names no deliberation looks up the most recent deliberations naming the
 * recipient (ADR 16). The GIN index on rm_deliberations.party_ids finds them in no order (a few
 * hundred buffers per check at decades scale); this companion table holds one row per
 * (party, deliberation) with the dates, and a b-tree on (party_id, decided_on DESC) that
 * includes the rest, so the lookup is an index-only scan over a handful of entries.
 * Filled here from rm_deliberations (one row per element of party_ids), in the same transaction,
 * so an existing database needs no rebuild: the deliberation-index projection keeps both from
 * its single checkpoint.
 */
export class DeliberationParties1732000001700 implements MigrationInterface {
  name = 'DeliberationParties1732000001700';

  async up(sql: QueryRunner): Promise<void> {
    await sql.query(`
      CREATE TABLE IF NOT EXISTS rm_deliberation_parties (
        party_id text NOT NULL,
        deliberation_id text NOT NULL,
        number text NOT NULL,
        decided_on date NOT NULL,
        effective_from date NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (party_id, deliberation_id)
      )`);
    await sql.query(
      `INSERT INTO rm_deliberation_parties (party_id, deliberation_id, number, decided_on, effective_from, recorded_at)
       SELECT DISTINCT p.party_id, d.id, d.number, d.decided_on, d.effective_from, d.recorded_at
       FROM rm_deliberations d CROSS JOIN LATERAL unnest(d.party_ids) AS p(party_id)
       ON CONFLICT (party_id, deliberation_id) DO NOTHING`,
    );
    await sql.query(
      `CREATE INDEX IF NOT EXISTS rm_deliberation_parties_recency
       ON rm_deliberation_parties (party_id, decided_on DESC) INCLUDE (effective_from, deliberation_id, number)`,
    );
  }

  async down(sql: QueryRunner): Promise<void> {
    await sql.query('DROP TABLE IF EXISTS rm_deliberation_parties');
  }
}
