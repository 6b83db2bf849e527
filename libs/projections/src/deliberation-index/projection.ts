import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';
import { isDeliberationEvent, isEventOfType } from '@registry/domain';
import type { Projection } from '../projection.js';

/** Which deliberations exist and every party each ever named: how a check finds its candidates. */
export const deliberationIndexProjection: Projection = {
  name: 'deliberation-index',
  tables: ['rm_deliberations'],
  handles: ['DeliberationRecorded', 'DeliberationAmended', 'DeliberationRevoked', 'CommitmentRecorded'],
  async apply(sql: QueryRunner, event: StoredEvent) {
    if (!isDeliberationEvent(event)) return;
    const id = event.streamId.replace(/^deliberation-/, '');
    if (event.type === 'DeliberationRecorded') {
      const doc = event.data.document;
      await sql.query(
        `INSERT INTO rm_deliberations (id, number, decided_on, effective_from, title, party_ids, version, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [
          id,
          doc.number,
          doc.decidedOn,
          doc.effectiveFrom,
          doc.title ?? null,
          doc.parties.map((p) => p.id),
          event.revision,
          event.metadata.recordedAt,
        ],
      );
      return;
    }
    const added = event.type === 'DeliberationAmended' ? event.data.changes.flatMap((c) => (c.op === 'addParty' ? [c.party.id] : [])) : [];
    // GREATEST keeps a replayed (older) event from moving the version back.
    await sql.query(
      `UPDATE rm_deliberations
       SET version = GREATEST(version, $2),
           party_ids = ARRAY(SELECT DISTINCT unnest(party_ids || $3::text[]))
       WHERE id = $1`,
      [id, event.revision, added],
    );
  },
  /**
   * Every DeliberationRecorded of the batch in one INSERT, then the other events one by one in
   * order: a deliberation's first event is its DeliberationRecorded, and the updates only move
   * the version up and add parties, so the rows are those of applying event by event.
   */
  async applyBatch(sql: QueryRunner, events: StoredEvent[]) {
    const recorded = events.filter((e) => isEventOfType(e, 'DeliberationRecorded'));
    if (recorded.length) {
      const docs = recorded.map((e) => e.data.document);
      await sql.query(
        `INSERT INTO rm_deliberations (id, number, decided_on, effective_from, title, party_ids, version, recorded_at)
         SELECT r.id, r.number, r.decided_on, r.effective_from, r.title, ARRAY(SELECT p FROM jsonb_array_elements_text(r.party_ids) WITH ORDINALITY AS e(p, n) ORDER BY n), r.version, r.recorded_at
         FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::jsonb[], $7::int[], $8::timestamptz[])
           AS r(id, number, decided_on, effective_from, title, party_ids, version, recorded_at)
         ON CONFLICT (id) DO NOTHING`,
        [
          recorded.map((e) => e.streamId.replace(/^deliberation-/, '')),
          docs.map((d) => d.number),
          docs.map((d) => d.decidedOn),
          docs.map((d) => d.effectiveFrom),
          docs.map((d) => d.title ?? null),
          docs.map((d) => JSON.stringify(d.parties.map((p) => p.id))),
          recorded.map((e) => e.revision),
          recorded.map((e) => e.metadata.recordedAt),
        ],
      );
    }
    for (const event of events) if (event.type !== 'DeliberationRecorded') await deliberationIndexProjection.apply(sql, event);
  },
  async reset(sql) {
    await sql.query('TRUNCATE rm_deliberations');
  },
};
