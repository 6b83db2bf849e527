import { feedQuery } from '../../queries.js';
import type { Operation } from '../operation.js';
import * as r from '../responses.js';

export const auditOperations: Operation[] = [
  {
    method: 'get',
    path: '/audit/verify',
    operationId: 'verifyLog',
    tag: 'audit',
    access: ['auditor'],
    summary: 'Verify the log',
    description: 'Re-hashes the whole log; any edit, insertion or deletion made behind the service breaks a chain.',
    responses: { 200: { description: 'Whether every chain holds.', schema: r.verifySchema, example: { ok: true, events: 8, head: '8' } } },
  },
  {
    method: 'get',
    path: '/events',
    operationId: 'eventFeed',
    tag: 'audit',
    access: ['auditor'],
    summary: 'The global log',
    description: 'Every event in commit order, for systems that follow the log; resume with `after=<next>`.',
    query: feedQuery,
    responses: { 200: { description: 'One batch of events.', schema: r.feedSchema } },
  },
];
