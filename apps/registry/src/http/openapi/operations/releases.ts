import { deliveryRequestSchema, destructionSchema, releaseSchema } from '@registry/domain';
import { deliveryListQuery } from '../../queries.js';
import { delivery, examples } from '../examples.js';
import { deliveryIdParam, type Operation } from '../operation.js';
import * as r from '../responses.js';
import { conflict, notFound, pageOf, unprocessable } from './shared.js';

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
