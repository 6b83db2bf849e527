import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';
import { isDeliberationEvent } from '@registry/domain';
import type { Projection } from './projection.js';

/** Which deliberations exist and every party each ever named: how a check finds its candidates. */
export const deliberationIndexProjection: Projection = {
  name: 'deliberation-index',
  handles: ['DeliberationRecorded', 'DeliberationAmended', 'DeliberationRevoked', 'CommitmentRecorded'],
  async apply(sql: QueryRunner, event: StoredEvent) {
    if (!isDeliberationEvent(event)) return;
    const id = event.streamId.replace(/^deliberation-/, '');
    if (event.type === 'DeliberationRecorded') {
      const doc = event.data.document;
      await sql.query(
        `INSERT INTO rm_deliberations (id, number, decided_on, effective_from, title, party_ids, version, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [id, doc.number, doc.decidedOn, doc.effectiveFrom, doc.title ?? null, doc.parties.map((p) => p.id), event.revision, event.metadata.recordedAt],
      );
      return;
    }
    const added =
      event.type === 'DeliberationAmended'
        ? event.data.changes.flatMap((c) => (c.op === 'addParty' ? [c.party.id] : []))
        : [];
    // GREATEST keeps a replayed (older) event from moving the version back.
    await sql.query(
      `UPDATE rm_deliberations
       SET version = GREATEST(version, $2),
           party_ids = ARRAY(SELECT DISTINCT unnest(party_ids || $3::text[]))
       WHERE id = $1`,
      [id, event.revision, added],
    );
  },
  async reset(sql) {
    await sql.query('DELETE FROM rm_deliberations');
  },
};
