import { EventStore1732000000000 } from './1732000000000-event-store.js';
import { ReadModels1732000000001 } from './1732000000001-read-models.js';
import { IdempotencyClaims1732000000002 } from './1732000000002-idempotency-claims.js';
import { ReadModelPaging1732000000012 } from './1732000000012-read-model-paging.js';
import { RemindersPerDeadline1732000000013 } from './1732000000013-reminders-per-deadline.js';
import { DueObligationsIndex1732000001400 } from './1732000001400-due-obligations-index.js';
import { ScheduleByDeadlineRange1732000001500 } from './1732000001500-schedule-by-deadline-range.js';
import { ProjectionDeferredIndexes1732000001600 } from './1732000001600-projection-deferred-indexes.js';
import { DeliberationParties1732000001700 } from './1732000001700-deliberation-parties.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const allMigrations = [
  EventStore1732000000000,
  ReadModels1732000000001,
  IdempotencyClaims1732000000002,
  ReadModelPaging1732000000012,
  RemindersPerDeadline1732000000013,
  DueObligationsIndex1732000001400,
  ScheduleByDeadlineRange1732000001500,
  ProjectionDeferredIndexes1732000001600,
  DeliberationParties1732000001700,
];
