import type { Operation } from '../operation.js';
import { auditOperations } from './audit.js';
import { deliberationOperations } from './deliberations.js';
import { operationsOperations } from './operations.js';
import { releaseOperations } from './releases.js';
import { scheduleOperations } from './schedule.js';

/** Every documented route, one file per feature; this order is the order of `paths` in docs/openapi.json. */
export const allOperations: Operation[] = [
  ...deliberationOperations,
  ...releaseOperations,
  ...scheduleOperations,
  ...auditOperations,
  ...operationsOperations,
];
