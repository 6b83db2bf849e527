/**
 * The deliberation index: which deliberations exist, and every party each ever named (how a
 * check that names no deliberation finds its candidates). Columns as the migrations leave them;
 * `test/architecture/read-model-homes.spec.ts` compares them with the migrated database.
 */
export const deliberationIndexTables = {
  tables: {
    rm_deliberations: ['id', 'number', 'decided_on', 'effective_from', 'title', 'party_ids', 'version', 'recorded_at'],
    /** One row per element of rm_deliberations.party_ids: a check's candidates by recency (ADR 16). */
    rm_deliberation_parties: ['party_id', 'deliberation_id', 'number', 'decided_on', 'effective_from', 'recorded_at'],
  },
  /** migrations/ (by class name) that create or reshape these tables or their indexes. */
  migrations: ['ReadModels1732000000001', 'ReadModelPaging1732000000012', 'DeliberationParties1732000001700'],
} as const;
