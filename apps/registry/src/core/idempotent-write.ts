import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key of the request being served, as a digest of (actor, key). Events written
 * under it carry it in `metadata.idempotencyKey`, so a retry after any failure finds the write
 * that already committed instead of making a second one (issue 10, ADR 0002 "Idempotency").
 */
const storage = new AsyncLocalStorage<{ id: string }>();

export function idempotencyDigest(actor: string, key: string): string {
  return createHash('sha256').update(`${actor}\u0000${key}`).digest('hex').slice(0, 32);
}

/** Runs `work` as the write of one idempotency key. */
export function runIdempotentWrite<T>(digest: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ id: digest }, work);
}

/** The digest of the key being served, if any. */
export function currentIdempotencyKey(): string | undefined {
  return storage.getStore()?.id;
}

/**
 * A UUID derived from the current key and `purpose` (e.g. a new delivery's id), so a retry
 * addresses the same stream; undefined without a key.
 */
export function idempotentId(purpose: string): string | undefined {
  const id = currentIdempotencyKey();
  if (!id) return undefined;
  const hex = createHash('sha256').update(`${id}:${purpose}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
