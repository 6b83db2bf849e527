import { z } from 'zod';
import {
  amendmentDocumentSchema,
  commitmentSchema,
  deliberationDocumentSchema,
  deliveryRequestSchema,
  destructionSchema,
  outputReleaseSchema,
  releaseSchema,
  revocationSchema,
} from '@registry/domain';
import {
  asOfQuery,
  calendarQuery,
  deliberationListQuery,
  deliveryListQuery,
  eventsQuery,
  feedQuery,
  outputReleasesQuery,
  remindersQuery,
  runRemindersBody,
  scheduleQuery,
} from '../queries.js';
import { delivery, examples, reminderIssued, scheduleEntry } from './examples.js';
import { deliberationIdParam, deliveryIdParam, etagHeader, type Operation } from './operation.js';
import * as r from './responses.js';

const written = (what: string, status = 201) => ({
  [status]: {
    description: `${what} recorded; the answer names the deliberation and its new version.`,
    schema: r.writtenSchema,
    example: examples.written,
    headers: etagHeader,
  },
});
const notFound = (what: string) => ({ 404: { description: `No ${what} is recorded under this id.` } });
const conflict = (what: string) => ({ 409: { description: what } });
const unprocessable = (what: string) => ({ 422: { description: what } });
const pageOf = (what: string, schema: z.ZodType, example: unknown) => ({
  200: { description: `One page of ${what}; follow \`next\` for the rest.`, schema, example },
});

export const deliberationOperations: Operation[] = [
  {
    method: 'post',
    path: '/deliberations',
    operationId: 'recordDeliberation',
    tag: 'deliberations',
    access: ['secretariat'],
    summary: 'Record a deliberation',
    description:
      'Records a decision of the committee as published: parties, catalogue of variables, tables per reference-year offset, datasets, retention and the commitments it requires. The number must be new.',
    body: { schema: deliberationDocumentSchema, example: examples.deliberation() },
    responses: {
      ...written('The deliberation was'),
      ...conflict('`DELIBERATION_EXISTS`: a deliberation with this number is already recorded.'),
      ...unprocessable('The document refers to something it does not define.'),
    },
  },
  {
    method: 'get',
    path: '/deliberations',
    operationId: 'listDeliberations',
    tag: 'deliberations',
    access: 'any',
    summary: 'List deliberations',
    description:
      'Deliberations, oldest decision first, each as it stands on `on` (default today) and as known at `knownAt`. Filter by recipient, status on that date, or text in the number or title.',
    query: deliberationListQuery,
    responses: pageOf('deliberations', r.deliberationPageSchema, {
      items: [
        {
          id: '24-130',
          number: '24/130',
          title: 'Mededeling van gepseudonimiseerde persoonsgegevens aan het Steunpunt Werk',
          decidedOn: '2024-10-01',
          effectiveFrom: '2024-10-15',
          status: 'in-force',
          version: 6,
          amendments: 1,
          destroyBy: '2030-12-31',
        },
      ],
      next: null,
      on: '2024-12-02',
    }),
  },
  {
    method: 'get',
    path: '/deliberations/{id}',
    operationId: 'getDeliberation',
    tag: 'deliberations',
    access: 'any',
    summary: 'Read a deliberation as of a date',
    description:
      'The document as amended on `on` (default today), as the registry knew it at `knownAt` (default now), with its status, amendments (each marked in force or not), revocation and the commitments signed by `on`. The `ETag` is the stream version to send in `If-Match`.',
    pathParams: [deliberationIdParam],
    query: asOfQuery,
    responses: {
      200: { description: 'The deliberation as of `on`.', schema: r.deliberationViewSchema, headers: etagHeader },
      ...notFound('deliberation'),
    },
  },
  {
    method: 'post',
    path: '/deliberations/{id}/amendments',
    operationId: 'amendDeliberation',
    tag: 'deliberations',
    access: ['secretariat'],
    ifMatch: true,
    summary: 'Record an amendment',
    description:
      'Records a later decision that changes the deliberation from its `effectiveFrom`: datasets, variables, parties, reference years or the retention date.',
    pathParams: [deliberationIdParam],
    body: { schema: amendmentDocumentSchema, example: examples.amendment() },
    responses: {
      ...written('The amendment was'),
      ...notFound('deliberation'),
      ...unprocessable('`CHANGE_DOES_NOT_APPLY`: a change names something the deliberation does not have (or already has).'),
      412: { description: '`VERSION_MISMATCH`: `If-Match` names another version than the current one.' },
    },
  },
  {
    method: 'post',
    path: '/deliberations/{id}/revocation',
    operationId: 'revokeDeliberation',
    tag: 'deliberations',
    access: ['secretariat'],
    ifMatch: true,
    summary: 'Record a revocation',
    description: 'Ends the authorisation from `effectiveFrom`; releases on or after that date are refused with `REVOKED`.',
    pathParams: [deliberationIdParam],
    body: { schema: revocationSchema, example: examples.revocation },
    responses: {
      ...written('The revocation was'),
      ...notFound('deliberation'),
      ...conflict('`ALREADY_REVOKED`: a revocation is already recorded.'),
      412: { description: '`VERSION_MISMATCH`: `If-Match` names another version.' },
    },
  },
  {
    method: 'post',
    path: '/deliberations/{id}/commitments',
    operationId: 'recordCommitment',
    tag: 'deliberations',
    access: ['secretariat'],
    ifMatch: true,
    summary: 'Record a signed commitment',
    description:
      'A commitment the deliberation requires (e.g. non-reidentification), signed by a party on `signedOn`. Releases need every required commitment signed on or before their date.',
    pathParams: [deliberationIdParam],
    body: { schema: commitmentSchema, example: examples.commitment },
    responses: {
      ...written('The commitment was'),
      ...notFound('deliberation'),
      ...unprocessable('`UNKNOWN_PARTY`: the party is not named by the deliberation.'),
      412: { description: '`VERSION_MISMATCH`: `If-Match` names another version.' },
    },
  },
  {
    method: 'get',
    path: '/deliberations/{id}/events',
    operationId: 'listDeliberationEvents',
    tag: 'audit',
    access: 'any',
    summary: "The deliberation's events",
    description: 'Every event of the stream in revision order, with its metadata (actor, recordedAt, correlationId) and chained hash.',
    pathParams: [deliberationIdParam],
    query: eventsQuery,
    responses: { ...pageOf('events', r.eventPageSchema, undefined), ...notFound('deliberation') },
  },
  {
    method: 'post',
    path: '/deliberations/{id}/output-releases',
    operationId: 'recordOutputRelease',
    tag: 'releases',
    access: ['steward'],
    summary: 'Record an output release from a secure room',
    description:
      'Anonymous results leaving a `secure-onsite` dataset, allowed only by its `outputs` rule and after a small-cell risk analysis that passed, performed on or before `releasedOn`.',
    pathParams: [deliberationIdParam],
    body: { schema: outputReleaseSchema, example: examples.outputRelease },
    responses: {
      201: {
        description: 'The output release was recorded.',
        schema: r.outputReleaseViewSchema,
        example: { id: '9d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6', deliberation: '24/130', ...examples.outputRelease },
      },
      ...notFound('deliberation'),
      ...unprocessable(
        '`SMALL_CELL_ANALYSIS_REQUIRED`, `SMALL_CELL_ANALYSIS_FAILED`, `OUTPUT_RELEASE_NOT_ALLOWED`, `DATASET_NOT_AUTHORISED` or `REVOKED`.',
      ),
    },
  },
  {
    method: 'get',
    path: '/deliberations/{id}/output-releases',
    operationId: 'listOutputReleases',
    tag: 'releases',
    access: 'any',
    summary: "A deliberation's output releases",
    description: 'Output releases in the order they were recorded, as known at `knownAt`.',
    pathParams: [deliberationIdParam],
    query: outputReleasesQuery,
    responses: pageOf('output releases', r.outputReleasePageSchema, {
      items: [{ id: '9d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6', deliberation: '24/130', ...examples.outputRelease }],
      next: null,
    }),
  },
];

export const releaseOperations: Operation[] = [
  {
    method: 'post',
    path: '/authorisation-checks',
    operationId: 'checkRelease',
    tag: 'releases',
    access: 'any',
    summary: 'Is this release authorised?',
    description:
      'Checks a release against the named deliberation (or every deliberation naming the recipient) as of `on` and as known at `knownAt`. Records nothing; answers every failing rule.',
    body: { schema: releaseSchema, example: examples.release },
    responses: {
      200: {
        description: 'The answer, authorised or not, with every failing rule.',
        schema: r.checkAnswerSchema,
        example: examples.checkAnswer,
      },
    },
  },
  {
    method: 'post',
    path: '/deliveries',
    operationId: 'recordDelivery',
    tag: 'releases',
    access: ['steward'],
    summary: 'Record a delivery',
    description:
      'Checks the release against the deliberation as it stands now, then records it with its destruction deadline (`destroyBy`, `null` when there is no obligation). A refused release records nothing.',
    body: { schema: deliveryRequestSchema, example: { ...examples.release, reference: 'DEL-2024-001' } },
    responses: {
      201: { description: 'The delivery was recorded.', schema: r.deliverySchema, example: delivery },
      422: { description: '`RELEASE_NOT_AUTHORISED`, with `reasons` as in a check.' },
    },
  },
  {
    method: 'get',
    path: '/deliveries',
    operationId: 'listDeliveries',
    tag: 'releases',
    access: 'any',
    summary: 'The delivery ledger',
    description:
      'Deliveries, oldest first, filtered by recipient, deliberation, dataset, delivery dates or destruction, as known at `knownAt`.',
    query: deliveryListQuery,
    responses: pageOf('deliveries', r.deliveryPageSchema, { items: [delivery], next: null }),
  },
  {
    method: 'get',
    path: '/deliveries/{id}',
    operationId: 'getDelivery',
    tag: 'releases',
    access: 'any',
    summary: 'Read a delivery',
    description: 'One delivery with its current deadline and destruction certificate.',
    pathParams: [deliveryIdParam],
    responses: { 200: { description: 'The delivery.', schema: r.deliverySchema, example: delivery }, ...notFound('delivery') },
  },
  {
    method: 'post',
    path: '/deliveries/{id}/destruction',
    operationId: 'recordDestruction',
    tag: 'destruction',
    access: ['steward'],
    summary: 'Record the destruction of a delivery',
    description: 'The certificate that the recipient destroyed its copy; the delivery leaves the schedule and gets no more reminders.',
    pathParams: [deliveryIdParam],
    body: { schema: destructionSchema, example: examples.destruction },
    responses: {
      201: {
        description: 'The destruction was recorded.',
        schema: r.deliverySchema,
        example: { ...delivery, destroyed: true, destruction: examples.destruction },
      },
      ...notFound('delivery'),
      ...conflict('`DESTRUCTION_ALREADY_RECORDED`.'),
      ...unprocessable('`DESTROYED_BEFORE_DELIVERY`: the certificate is dated before the delivery.'),
    },
  },
];

export const scheduleOperations: Operation[] = [
  {
    method: 'get',
    path: '/destruction-schedule',
    operationId: 'destructionSchedule',
    tag: 'destruction',
    access: 'any',
    summary: 'What must be destroyed, by deadline',
    description:
      'The obligations as they stood on `asOf` (or `on`; default today): deliveries dated on or before it with no destruction certificate dated on or before it, sorted by deadline. `due` means 0 <= daysLeft <= within.',
    query: scheduleQuery,
    responses: pageOf('obligations', r.schedulePageSchema, {
      items: [scheduleEntry],
      next: null,
      asOf: '2030-11-04',
      on: '2030-11-04',
      within: 90,
    }),
  },
  {
    method: 'get',
    path: '/destruction-schedule.ics',
    operationId: 'destructionCalendar',
    tag: 'destruction',
    access: 'any',
    summary: 'The schedule as a calendar',
    description: 'The same obligations as an iCalendar feed: an all-day event per deadline with an alarm at each reminder threshold.',
    query: calendarQuery,
    responses: { 200: { description: 'An iCalendar feed.', contentType: 'text/calendar', schema: z.string() } },
  },
  {
    method: 'get',
    path: '/reminders',
    operationId: 'listReminders',
    tag: 'destruction',
    access: 'any',
    summary: 'Reminders issued',
    description:
      'Reminders issued per delivery, deadline and threshold (as known at `knownAt`), with the current send status of each channel.',
    query: remindersQuery,
    responses: pageOf('reminders', r.reminderPageSchema, undefined),
  },
  {
    method: 'post',
    path: '/reminders/run',
    operationId: 'runReminders',
    tag: 'destruction',
    access: ['secretariat', 'steward'],
    summary: 'Issue the reminders due',
    description:
      'Issues now every reminder due as of `asOf` (default today) that was not issued yet; the daily scheduler does the same. Answers those issued by this run.',
    body: { schema: runRemindersBody, example: { asOf: '2030-11-05' }, required: false },
    responses: {
      200: {
        description: 'The reminders this run issued (none when all were issued before).',
        schema: r.remindersRunSchema,
        example: { asOf: '2030-11-05', items: [reminderIssued] },
      },
    },
  },
];

export const operationsOperations: Operation[] = [
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
  {
    method: 'get',
    path: '/session',
    operationId: 'session',
    tag: 'operations',
    access: 'any',
    summary: 'Who is calling',
    description:
      'The actor and role of the key or token sent, so that a client (the desk) shows only what that role may do; the server still guards every route.',
    responses: { 200: { description: 'The caller.', schema: r.sessionSchema, example: { actor: 'secretariat', role: 'secretariat' } } },
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'health',
    tag: 'operations',
    access: 'public',
    summary: 'Liveness',
    description: 'Whether the event store and the read models can be reached.',
    responses: {
      200: { description: 'Reachable.', schema: r.healthSchema, example: { status: 'ok' } },
      503: { description: '`STORE_UNREACHABLE`.' },
    },
  },
  {
    method: 'get',
    path: '/ready',
    operationId: 'ready',
    tag: 'operations',
    access: 'public',
    summary: 'Readiness',
    description: 'Ready when every read model has applied everything committed; otherwise names those catching up.',
    responses: { 200: { description: 'Ready or catching up.', schema: r.readySchema, example: { status: 'ready', behind: [] } } },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tag: 'operations',
    access: 'public',
    summary: 'Prometheus metrics',
    description: 'Request, event-store and projection metrics in the Prometheus text format.',
    responses: { 200: { description: 'Metrics.', contentType: 'text/plain', schema: z.string() } },
  },
  {
    method: 'get',
    path: '/problems/{code}',
    operationId: 'explainProblem',
    tag: 'operations',
    access: 'public',
    summary: 'What a problem means',
    description:
      'The page every problem `type` points to: what went wrong and how to fix it. HTML for a browser; JSON when asked with `Accept: application/json`.',
    pathParams: [
      {
        name: 'code',
        description: 'A problem code such as `VALIDATION_FAILED`.',
        schema: { type: 'string' },
        example: 'VALIDATION_FAILED',
      },
    ],
    responses: {
      200: {
        description: 'The explanation.',
        contentType: 'text/html',
        schema: z.string(),
        alternatives: [
          {
            contentType: 'application/json',
            schema: z.strictObject({ code: z.string(), status: z.number().int(), title: z.string(), meaning: z.string(), fix: z.string() }),
          },
        ],
      },
      404: { description: 'No such problem code.' },
    },
  },
];

export const allOperations: Operation[] = [...deliberationOperations, ...releaseOperations, ...scheduleOperations, ...operationsOperations];
