import { createHash } from 'node:crypto';

/** `previousHash` of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted (by UTF-16 code unit) and no whitespace. Follows
 * JSON.stringify for everything else (toJSON, undefined members dropped, NaN → null), so
 * the text of a value equals the text of that value after a JSON/jsonb round trip.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** The fields of an event covered by its hash. */
export interface HashedFields {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

/** sha256 hex of `previousHash` followed by the canonical JSON of the event's fields. */
export function eventHash(previousHash: string, event: HashedFields): string {
  const { streamId, revision, eventId, type, schemaVersion, data, metadata } = event;
  const body = canonicalJson({ streamId, revision, eventId, type, schemaVersion, data, metadata });
  return createHash('sha256').update(previousHash).update(body).digest('hex');
}
