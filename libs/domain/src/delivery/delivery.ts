import { z } from 'zod';
import { releaseFields } from '../authorisation/release.js';
import { conflict, notFound, unprocessable } from '../shared/errors.js';
import { calendarDate, sha256Hex, text } from '../shared/schema-primitives.js';
import type { Recorded } from '../deliberation/events.js';

/**
 * A delivery takes the release body (SPEC), but is always checked against what the registry
 * knows now: a `knownAt` in the body is accepted and not used, so no one can deliver under a
 * decision as it was known before a revocation was recorded.
 */
export const deliveryRequestSchema = z.strictObject({
  ...releaseFields,
  reference: text(500).optional(),
  checksum: sha256Hex.optional(),
  medium: text(200).optional(),
});
export type DeliveryRequest = z.infer<typeof deliveryRequestSchema>;

export const destructionSchema = z.strictObject({
  destroyedOn: calendarDate,
  certificateRef: text(500),
  attestedBy: text(500),
});
export type Destruction = z.infer<typeof destructionSchema>;

export interface DeliveryRecordedData extends Omit<DeliveryRequest, 'on'> {
  deliveryId: string;
  deliberation: string;
  on: string;
  access: 'transfer' | 'secure-onsite';
  /** Whether the recipient holds a copy of personal data that must be destroyed. */
  obligation: boolean;
  /** The deadline as it stood when the delivery was recorded; later amendments may move it. */
  destroyByAtDelivery: string | null;
}

export type DeliveryEvent = { type: 'DeliveryRecorded'; data: DeliveryRecordedData } | { type: 'DestructionRecorded'; data: Destruction };

export const deliveryStreamId = (id: string): string => `delivery-${id}`;

/** A destruction is recorded once, for a known delivery, never before the data was delivered (reminders may sit in between). */
export function decideDestruction(
  history: Recorded<DeliveryEvent | { type: 'ReminderIssued'; data: unknown }>[],
  destruction: Destruction,
): DeliveryEvent[] {
  const delivered = history.find((e) => e.type === 'DeliveryRecorded');
  if (!delivered || delivered.type !== 'DeliveryRecorded') throw notFound('no such delivery is recorded');
  if (history.some((e) => e.type === 'DestructionRecorded'))
    throw conflict('the destruction of this delivery is already recorded', 'DESTRUCTION_ALREADY_RECORDED');
  if (destruction.destroyedOn < delivered.data.on)
    throw unprocessable(
      'a delivery cannot be destroyed before it was delivered',
      [{ path: '/destroyedOn', message: `is before the delivery date ${delivered.data.on}` }],
      'DESTROYED_BEFORE_DELIVERY',
    );
  return [{ type: 'DestructionRecorded', data: destruction }];
}
