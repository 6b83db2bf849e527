/**
 * The delivery ledger: deliveries with their destruction certificates, and the reminders issued
 * for them. Columns as the migrations leave them; `test/architecture/read-model-homes.spec.ts`
 * compares them with the migrated database.
 */
export const deliveryLedgerTables = {
  tables: {
    rm_deliveries: [
      'id',
      'deliberation_id',
      'deliberation',
      'dataset',
      'recipient',
      'access',
      'delivered_on',
      'obligation',
      'data',
      'recorded_at',
      'destruction',
      'destroyed_on',
      'destruction_recorded_at',
    ],
    rm_reminders: ['id', 'delivery_id', 'threshold', 'data', 'issued_at'],
  },
  /** migrations/ (by class name) that create or reshape these tables or their indexes. */
  migrations: [
    'ReadModels1732000000001',
    'ReadModelPaging1732000000012',
    'RemindersPerDeadline1732000000013',
    'DueObligationsIndex1732000001400',
    'ScheduleByDeadlineRange1732000001500',
  ],
} as const;
