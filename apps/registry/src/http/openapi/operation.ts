import type { z } from 'zod';
import type { Role } from '../../core/config.js';

/** One documented route: what the OpenAPI document says about it, built from the validating schemas. */
export interface Operation {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** `public`: no key; `any`: any role; otherwise the roles that may call it. */
  access: 'public' | 'any' | Role[];
  pathParams?: PathParam[];
  query?: z.ZodObject;
  /** Honours `If-Match` (412 on a stale version). */
  ifMatch?: boolean;
  body?: { schema: z.ZodType; example: unknown; required?: boolean };
  responses: Record<number, ResponseSpec>;
}

export interface PathParam {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  example: string;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  example?: unknown;
  /** Default application/json (application/problem+json for 4xx and 5xx). */
  contentType?: string;
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
  /** Other media types the same answer comes in (content negotiation on `Accept`). */
  alternatives?: { contentType: string; schema: z.ZodType }[];
}

export const deliberationIdParam: PathParam = {
  name: 'id',
  description: 'The deliberation number with a dash instead of the slash (`24-130` for 24/130); `24%2F130` is accepted too.',
  schema: { type: 'string', pattern: '^\\d{2}-\\d{1,5}$' },
  example: '24-130',
};

export const deliveryIdParam: PathParam = {
  name: 'id',
  description: 'The delivery id given when it was recorded.',
  schema: { type: 'string', format: 'uuid' },
  example: '0b6f3a52-8f1e-4c63-9a57-2d1f0c6d9e41',
};

export const etagHeader = {
  etag: { description: 'The stream revision, e.g. `"3"`; send it back in `If-Match`.', schema: { type: 'string' } },
};
