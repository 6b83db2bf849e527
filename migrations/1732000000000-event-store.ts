import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event store tables (PostgreSQL 15 and PGlite/PostgreSQL 18 alike: no extensions).
 * `transaction_id` lets readers skip nothing: they read only transactions older than every
 * running one and checkpoint by (transaction_id, global_position) (ADR 0002).
 */
export class EventStore1732000000000 implements MigrationInterface {
  name = 'EventStore1732000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE es_streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL CHECK (revision >= 0),
        last_hash text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL REFERENCES es_streams (stream_id),
        revision bigint NOT NULL CHECK (revision >= 1),
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        previous_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT es_events_event_id_key UNIQUE (event_id),
        CONSTRAINT es_events_stream_revision_key UNIQUE (stream_id, revision)
      )`);
    await queryRunner.query(`CREATE INDEX es_events_transaction_position_idx ON es_events (transaction_id, global_position)`);
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        checkpoint text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_checkpoints`);
    await queryRunner.query(`DROP TABLE es_events`);
    await queryRunner.query(`DROP TABLE es_streams`);
  }
}
