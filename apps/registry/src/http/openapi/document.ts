import { z } from 'zod';
import { allOperations } from './operations/index.js';
import type { Operation, ResponseSpec } from './operation.js';
import { problemSchema } from './responses.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI operation object is free-form JSON
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, any>> };

/** JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it) of a zod schema, as it validates input or describes output. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io, reused: 'inline' }) as Record<string, unknown>;
  return rest;
}

const PROBLEM = 'application/problem+json';
const problemRef = { $ref: '#/components/schemas/Problem' };
const knownAtSchema = { type: 'string', anyOf: [{ format: 'date-time' }, { format: 'date' }] };

const common: Record<number, string> = {
  400: '`VALIDATION_FAILED`: each refused field in `errors`, as `/query/...`, `/path/...`, `/header/...` or a pointer into the body; `MALFORMED_JSON` when the body is not JSON.',
  401: '`UNAUTHORISED`: no valid `Authorization: Bearer <key>`.',
  403: "`FORBIDDEN`: the caller's role may not do this.",
  409: '`CONCURRENT_UPDATE` (retry) or `IDEMPOTENCY_KEY_IN_PROGRESS` (the first request with this key still runs).',
  413: '`BODY_TOO_LARGE`.',
  415: '`UNSUPPORTED_MEDIA_TYPE`: send `Content-Type: application/json`.',
  422: '`IDEMPOTENCY_KEY_REUSED`: the key was used for another request.',
  429: '`RATE_LIMITED`: too many requests with this key; see `Retry-After`.',
  500: '`INTERNAL`: nothing partial was recorded; the log has the details.',
  503: '`CATCHING_UP` (the write was recorded; read models are behind) or `STORE_UNREACHABLE`; see `Retry-After`.',
};

/** Which of the common refusals a route can give, from what it takes and who may call it. */
function commonStatuses(op: Operation): number[] {
  const takesInput = Boolean(op.body || op.query || op.pathParams || op.method === 'post');
  return [
    ...(takesInput ? [400] : []),
    ...(op.access === 'public' ? [] : [401]),
    ...(Array.isArray(op.access) ? [403] : []),
    ...(op.method === 'post' ? [409, 413, 415, 422] : []),
    429,
    500,
    503,
  ];
}

function response(status: number, spec: ResponseSpec) {
  const type = spec.contentType ?? (status >= 400 ? PROBLEM : 'application/json');
  const schema = status >= 400 ? problemRef : spec.schema ? jsonSchema(spec.schema) : undefined;
  return {
    description: spec.description,
    ...(spec.headers ? { headers: spec.headers } : {}),
    content: {
      [type]: { ...(schema ? { schema } : {}), ...(spec.example !== undefined ? { example: spec.example } : {}) },
      ...Object.fromEntries((spec.alternatives ?? []).map((a) => [a.contentType, { schema: jsonSchema(a.schema) }])),
    },
  };
}

function parameters(op: Operation) {
  const path = (op.pathParams ?? []).map((p) => ({
    name: p.name,
    in: 'path',
    required: true,
    description: p.description,
    schema: p.schema,
    example: p.example,
  }));
  const query = Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
    const schema =
      name === 'knownAt' ? { ...jsonSchema(field as z.ZodType, 'input'), ...knownAtSchema } : jsonSchema(field as z.ZodType, 'input');
    const { description, ...rest } = schema as { description?: string };
    return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest };
  });
  const headers = [
    ...(op.method === 'post'
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Any 1 to 200 visible ASCII characters, new per intended write. A repeat gets the first answer and records nothing; the same key with another body is 422. Kept 48 hours.',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
        ]
      : []),
    ...(op.ifMatch
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'The version you read (its `ETag`, e.g. `"3"`); 412 when the deliberation changed since.',
            schema: { type: 'string', examples: ['"3"'] },
          },
        ]
      : []),
  ];
  return [...path, ...query, ...headers];
}

function operation(op: Operation) {
  const roles = Array.isArray(op.access) ? op.access : undefined;
  const who = op.access === 'public' ? 'No key needed.' : roles ? `Role: ${roles.join(' or ')}.` : 'Any role.';
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = response(Number(status), spec);
  for (const status of commonStatuses(op)) responses[status] ??= response(status, { description: common[status] });
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\n${who}`,
    ...(roles ? { 'x-roles': roles } : {}),
    security: op.access === 'public' ? [] : [{ apiKey: [] }],
    parameters: parameters(op),
    ...(op.body
      ? {
          requestBody: {
            required: op.body.required ?? true,
            content: { 'application/json': { schema: jsonSchema(op.body.schema, 'input'), example: op.body.example } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document: the same for the service (/docs/openapi.json) and `npm run openapi`. */
export function openApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of allOperations) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Deliberation and data-release registry',
      version: '1',
      description:
        'Deliberations of the Information Security Committee, releases checked against them, deliveries and their destruction. See docs/api.md in the repository for the rules behind each answer.',
    },
    tags: ['deliberations', 'releases', 'destruction', 'audit', 'operations'].map((name) => ({ name })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from REGISTRY_API_KEYS (or an OIDC token when configured): `Authorization: Bearer <key>`.',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema) },
    },
  };
}
