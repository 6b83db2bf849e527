import type { Upcaster } from '@registry/event-store';
import { Upcasters } from '@registry/event-store';

/**
 * Upcasters for the registry's own event schemas, applied on every read. Every event type is
 * at schema version 1 today. When one changes: write the new version (EventSourcedRepository
 * stamps `schemaVersion`), and register the step from the old one here, e.g.
 * `.register('CommitmentRecorded', 1, ({ signedAt, ...rest }) => ({ ...rest, signedOn: signedAt }))`.
 * Stored events are never rewritten.
 */
export function registryUpcasters(): Upcaster {
  return new Upcasters().upcast;
}
