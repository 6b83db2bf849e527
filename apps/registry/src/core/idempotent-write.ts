import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key of the request being served, as a digest of (actor, key). Events written
 * under it carry it in `metadata.idempotencyKey`, so a retry after any failure finds the write
 * that already committed instead of making a second one (issue 10, ADR 0002 "Idempotency").
 */
const storage = new AsyncLocalStorage<IdempotentWrite>();

export interface IdempotentWrite {
  /** Digest of (actor, key): what events written under the key carry in `metadata.idempotencyKey`. */
  id: string;
  /** Digest of the request itself: the same key with another request is refused, however old the key. */
  request: string;
}

/** The key was used before for another request (the interceptor may have forgotten it; the log has not). */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('This Idempotency-Key was used for another request; use a new key.');
    this.name = 'IdempotencyKeyReusedError';
  }
}

export function idempotencyDigest(actor: string, key: string): string {
  return createHash('sha256').update(`${actor}\u0000${key}`).digest('hex').slice(0, 32);
}

/** Runs `work` as the write of one idempotency key and one request. */
export function runIdempotentWrite<T>(write: IdempotentWrite, work: () => Promise<T>): Promise<T> {
  return storage.run(write, work);
}

/** The key and request being served, if any. */
export function currentIdempotentWrite(): IdempotentWrite | undefined {
  return storage.getStore();
}

/**
 * A UUID derived from the current key and `purpose` (e.g. a new delivery's id), so a retry
 * addresses the same stream; undefined without a key.
 */
export function idempotentId(purpose: string): string | undefined {
  const id = storage.getStore()?.id;
  if (!id) return undefined;
  const hex = createHash('sha256').update(`${id}:${purpose}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
