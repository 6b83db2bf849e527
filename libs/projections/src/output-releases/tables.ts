/**
 * Output releases: anonymous results leaving the secure room, per deliberation. Columns as the
 * migrations leave them; `test/architecture/read-model-homes.spec.ts` compares them with the
 * migrated database.
 */
export const outputReleaseTables = {
  tables: {
    rm_output_releases: ['id', 'deliberation_id', 'data', 'recorded_at'],
  },
  /** migrations/ (by class name) that create or reshape this table or its indexes. */
  migrations: ['ReadModels1732000000001', 'ReadModelPaging1732000000012'],
} as const;
