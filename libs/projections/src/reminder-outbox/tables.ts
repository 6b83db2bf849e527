/**
 * The reminder outbox: one row per issued reminder and configured channel, which the sender
 * delivers with retries (ADR 5). Not rebuildable: rebuilding would send again. Columns as the
 * migrations leave them; `test/architecture/read-model-homes.spec.ts` compares them with the
 * migrated database.
 */
export const reminderOutboxTables = {
  tables: {
    outbox: [
      'id',
      'reminder_id',
      'channel',
      'payload',
      'status',
      'attempts',
      'next_attempt_at',
      'claimed_until',
      'last_error',
      'sent_at',
      'created_at',
    ],
  },
  /** migrations/ (by class name) that create or reshape this table or its indexes. */
  migrations: ['ReadModels1732000000001'],
} as const;
