import type { StoredEvent } from '../../../../libs/event-store/src/event-store.js';

/**
 * Upcasters for the registry's own event schemas, applied on read. Every event type is at
 * schema version 1 today; when one changes, bump its version where it is written and add the
 * step from the old version here (never rewrite stored events).
 */
export function registryUpcasters(): (event: StoredEvent) => StoredEvent {
  return (event) => event;
}
