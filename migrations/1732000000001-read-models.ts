import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models (rebuildable from the log), the reminder outbox and idempotency keys. */
export class ReadModels1732000000001 implements MigrationInterface {
  name = 'ReadModels1732000000001';

  async up(sql: QueryRunner): Promise<void> {
    await createDeliberationIndex(sql);
    await createDeliveryLedger(sql);
    await createReminders(sql);
    await createOutputReleases(sql);
    await createOutbox(sql);
    await createIdempotencyKeys(sql);
  }

  async down(sql: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'outbox', 'rm_output_releases', 'rm_reminders', 'rm_deliveries', 'rm_deliberations'])
      await sql.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** The deliberation index: one row per deliberation, searchable by party. */
async function createDeliberationIndex(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE rm_deliberations (
        id text PRIMARY KEY,
        number text NOT NULL UNIQUE,
        decided_on date NOT NULL,
        effective_from date NOT NULL,
        title text,
        party_ids text[] NOT NULL,
        version int NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
  await sql.query('CREATE INDEX rm_deliberations_parties ON rm_deliberations USING gin (party_ids)');
}

/** The delivery ledger and its indexes (by recipient, by deliberation, open obligations). */
async function createDeliveryLedger(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE rm_deliveries (
        id uuid PRIMARY KEY,
        deliberation_id text NOT NULL,
        deliberation text NOT NULL,
        dataset text NOT NULL,
        recipient text NOT NULL,
        access text NOT NULL,
        delivered_on date NOT NULL,
        obligation boolean NOT NULL,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        destruction jsonb,
        destroyed_on date
      )`);
  await sql.query('CREATE INDEX rm_deliveries_recipient ON rm_deliveries (recipient)');
  await sql.query('CREATE INDEX rm_deliveries_deliberation ON rm_deliveries (deliberation_id)');
  await sql.query('CREATE INDEX rm_deliveries_open ON rm_deliveries (deliberation_id) WHERE obligation AND destroyed_on IS NULL');
}

/** Reminders issued, once per delivery and threshold. */
async function createReminders(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE rm_reminders (
        id uuid PRIMARY KEY,
        delivery_id uuid NOT NULL,
        threshold text NOT NULL,
        data jsonb NOT NULL,
        issued_at timestamptz NOT NULL,
        UNIQUE (delivery_id, threshold)
      )`);
}

/** Output releases from secure rooms, by deliberation. */
async function createOutputReleases(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE rm_output_releases (
        id uuid PRIMARY KEY,
        deliberation_id text NOT NULL,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
  await sql.query('CREATE INDEX rm_output_releases_deliberation ON rm_output_releases (deliberation_id)');
}

/** The reminder outbox the sender drains. */
async function createOutbox(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        reminder_id uuid NOT NULL,
        channel text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reminder_id, channel)
      )`);
  await sql.query(`CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'retrying')`);
}

/** Stored answers to requests sent with an Idempotency-Key. */
async function createIdempotencyKeys(sql: QueryRunner): Promise<void> {
  await sql.query(`
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        status int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
}
