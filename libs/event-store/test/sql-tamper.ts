import type { DataSource } from 'typeorm';
import type { NewEvent } from '../src/event-store.js';
import { eventHash } from '../src/hash.js';
import type { Tamper } from './contract.js';

/** Tamper hooks for the PostgreSQL store: plain SQL on es_events, as an intruder would write it. */
export function sqlTamper(dataSource: DataSource): Tamper {
  const where = `stream_id = $1 AND revision = $2`;
  return {
    async editData(streamId, revision, data) {
      const [old] = await dataSource.query(
        `WITH old AS (SELECT data FROM es_events WHERE ${where}),
              edit AS (UPDATE es_events SET data = $3::jsonb WHERE ${where})
         SELECT data::text AS data FROM old`,
        [streamId, revision, JSON.stringify(data)],
      );
      return async () => {
        await dataSource.query(`WITH u AS (UPDATE es_events SET data = $3::jsonb WHERE ${where}) SELECT 1`, [streamId, revision, old.data]);
      };
    },
    async deleteEvent(streamId, revision) {
      const [deleted] = await dataSource.query(
        `WITH d AS (DELETE FROM es_events WHERE ${where} RETURNING *) SELECT row_to_json(d)::text AS row FROM d`,
        [streamId, revision],
      );
      return async () => {
        await dataSource.query(
          `INSERT INTO es_events OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(null::es_events, $1::json)`,
          [deleted.row],
        );
      };
    },
    async insertEvent(streamId, event: NewEvent) {
      const [last] = await dataSource.query(
        `SELECT revision::int AS revision, hash FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`,
        [streamId],
      );
      const revision = last.revision + 1;
      const hash = eventHash(last.hash, { ...event, streamId, revision });
      await dataSource.query(
        `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
        [
          streamId,
          revision,
          event.eventId,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          last.hash,
          hash,
        ],
      );
      return async () => {
        await dataSource.query(`WITH d AS (DELETE FROM es_events WHERE ${where}) SELECT 1`, [streamId, revision]);
      };
    },
  };
}
