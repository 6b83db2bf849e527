import { DuplicateEventError, type ExpectedRevision, type NewEvent } from './event-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What every store checks before an append: events present, a valid expected revision, distinct UUID ids (lower-cased). */
export function normalize(streamId: string, events: NewEvent[], expected: ExpectedRevision): NewEvent[] {
  if (events.length === 0) throw new Error(`append to ${streamId}: no events`);
  if (expected !== 'any' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new Error(`append to ${streamId}: invalid expected revision ${expected}`);
  }
  const normalized = events.map((event) => ({ ...event, eventId: event.eventId.toLowerCase() }));
  const seen = new Set<string>();
  for (const { eventId } of normalized) {
    if (!UUID.test(eventId)) throw new Error(`append to ${streamId}: event id ${eventId} is not a UUID`);
    if (seen.has(eventId)) throw new DuplicateEventError(eventId, streamId);
    seen.add(eventId);
  }
  return normalized;
}
