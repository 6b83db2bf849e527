import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@registry/event-store';

let clock = Date.parse('2025-01-01T00:00:00Z');

/** A new event recorded a minute after the previous one made here, so the specs' rows order by time. */
export const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'test', recordedAt: new Date((clock += 61_000)).toISOString(), correlationId: 'c' },
});
