import type { DeliberationEvent, Recorded } from './deliberation/events.js';
import type { DeliveryEvent } from './delivery/delivery.js';
import type { OutputReleaseEvent } from './output-release/output-release.js';
import type { ReminderEvent } from './reminders/issue-reminder.js';

/** Every event the registry records: the one vocabulary of the log, discriminated by `type`. */
export type RegistryEvent = DeliberationEvent | DeliveryEvent | ReminderEvent | OutputReleaseEvent;
export type RegistryEventType = RegistryEvent['type'];
export type EventOfType<T extends RegistryEventType> = Extract<RegistryEvent, { type: T }>;
export type EventData<T extends RegistryEventType> = EventOfType<T>['data'];

/** What a delivery's stream holds: the delivery, its destruction and the reminders issued for it. */
export type DeliveryStreamEvent = DeliveryEvent | ReminderEvent;

const DELIBERATION_EVENT_TYPES = ['DeliberationRecorded', 'DeliberationAmended', 'DeliberationRevoked', 'CommitmentRecorded'] as const;
const DELIVERY_STREAM_EVENT_TYPES = ['DeliveryRecorded', 'DestructionRecorded', 'ReminderIssued'] as const;

export const REGISTRY_EVENT_TYPES = [...DELIBERATION_EVENT_TYPES, ...DELIVERY_STREAM_EVENT_TYPES, 'OutputReleaseRecorded'] as const;

// Compile-time completeness: a new event type must be listed above (and nothing else may be).
type Listed = (typeof REGISTRY_EVENT_TYPES)[number];
const listsEveryType: [Exclude<RegistryEventType, Listed>, Exclude<Listed, RegistryEventType>] extends [never, never] ? true : never = true;
void listsEveryType;

type Untyped = { type: string; data: unknown };
const oneOf = (types: readonly string[], type: string): boolean => types.includes(type);

/**
 * Narrows an event read from the store to the registry's vocabulary by its type name. The data
 * is trusted to match: the store upcasts every event to its type's newest schema on read.
 */
export const isRegistryEvent = <E extends Untyped>(event: E): event is E & RegistryEvent => oneOf(REGISTRY_EVENT_TYPES, event.type);
export const isDeliberationEvent = <E extends Untyped>(event: E): event is E & DeliberationEvent =>
  oneOf(DELIBERATION_EVENT_TYPES, event.type);
export const isDeliveryStreamEvent = <E extends Untyped>(event: E): event is E & DeliveryStreamEvent =>
  oneOf(DELIVERY_STREAM_EVENT_TYPES, event.type);

export const isEventOfType = <E extends Untyped, T extends RegistryEventType>(event: E, type: T): event is E & EventOfType<T> =>
  event.type === type;

/** A stored event as a domain event; an event of a type the registry does not know is an error, never skipped. */
export function toRegistryEvent<E extends Untyped & { revision: number; recordedAt: string }>(event: E): Recorded<RegistryEvent> {
  if (!isRegistryEvent(event)) throw new Error(`unknown event type "${event.type}" at revision ${event.revision}`);
  return event;
}

/** The deliberation events of a stream (a deliberation's stream holds nothing else). */
export const deliberationHistory = <E extends Untyped & { revision: number; recordedAt: string }>(
  events: E[],
): Recorded<DeliberationEvent>[] => events.filter(isDeliberationEvent);

/** The events of a delivery's stream. */
export const deliveryHistory = <E extends Untyped & { revision: number; recordedAt: string }>(
  events: E[],
): Recorded<DeliveryStreamEvent>[] => events.filter(isDeliveryStreamEvent);
