import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@registry/event-store';
import { isDeliberationEvent, isEventOfType } from '@registry/domain';
import type { Projection } from '../projection.js';

/** Which deliberations exist and every party each ever named: how a check finds its candidates. */
export const deliberationIndexProjection: Projection = {
  name: 'deliberation-index',
  tables: ['rm_deliberations', 'rm_deliberation_parties'],
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
      await namePartiesOf(sql, [id]);
      return;
    }
    await updateIndex(sql, event);
    if (addedParties(event).length) await namePartiesOf(sql, [id]);
  },
  /**
   * Every DeliberationRecorded of the batch in one INSERT, then the other events one by one in
   * order: a deliberation's first event is its DeliberationRecorded, and the updates only move
   * the version up and add parties, so the rows are those of applying event by event. Then the
   * parties of every deliberation recorded or given a party in the batch, in one INSERT.
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
    const others = events.filter((e) => e.type !== 'DeliberationRecorded');
    for (const event of others) if (isDeliberationEvent(event)) await updateIndex(sql, event);
    const named = [...recorded, ...others.filter((e) => addedParties(e).length > 0)];
    if (named.length) await namePartiesOf(sql, [...new Set(named.map((e) => e.streamId.replace(/^deliberation-/, '')))]);
  },
  async reset(sql) {
    await sql.query('TRUNCATE rm_deliberations, rm_deliberation_parties');
  },
};

/** Any event but DeliberationRecorded: the version, and the parties an amendment adds. */
async function updateIndex(sql: QueryRunner, event: StoredEvent) {
  // GREATEST keeps a replayed (older) event from moving the version back.
  await sql.query(
    `UPDATE rm_deliberations
     SET version = GREATEST(version, $2),
         party_ids = ARRAY(SELECT DISTINCT unnest(party_ids || $3::text[]))
     WHERE id = $1`,
    [event.streamId.replace(/^deliberation-/, ''), event.revision, addedParties(event)],
  );
}

const addedParties = (event: StoredEvent): string[] =>
  isEventOfType(event, 'DeliberationAmended') ? event.data.changes.flatMap((c) => (c.op === 'addParty' ? [c.party.id] : [])) : [];

/**
 * rm_deliberation_parties holds one row per element of party_ids (a check's candidates by
 * recency, ADR 16): copied from the deliberations' rows once they have their parties, so it
 * cannot drift from them; a replay inserts nothing new.
 */
async function namePartiesOf(sql: QueryRunner, ids: string[]) {
  await sql.query(
    `INSERT INTO rm_deliberation_parties (party_id, deliberation_id, number, decided_on, effective_from, recorded_at)
     SELECT DISTINCT p.party_id, d.id, d.number, d.decided_on, d.effective_from, d.recorded_at
     FROM rm_deliberations d CROSS JOIN LATERAL unnest(d.party_ids) AS p(party_id)
     WHERE d.id = ANY($1::text[])
     ON CONFLICT (party_id, deliberation_id) DO NOTHING`,
    [ids],
  );
}
