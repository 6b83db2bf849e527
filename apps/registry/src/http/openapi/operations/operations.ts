import { z } from 'zod';
import type { Operation } from '../operation.js';
import * as r from '../responses.js';

export const operationsOperations: Operation[] = [
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
