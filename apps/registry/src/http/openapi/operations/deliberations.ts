import {
  amendmentDocumentSchema,
  commitmentSchema,
  deliberationDocumentSchema,
  outputReleaseSchema,
  revocationSchema,
} from '@registry/domain';
import { asOfQuery, deliberationListQuery, eventsQuery, outputReleasesQuery } from '../../queries.js';
import { examples } from '../examples.js';
import { deliberationIdParam, etagHeader, type Operation } from '../operation.js';
import * as r from '../responses.js';
import { conflict, notFound, pageOf, unprocessable, written } from './shared.js';

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
