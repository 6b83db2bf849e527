import { answerCheck, type CheckAnswer } from '../authorisation/answer-check.js';
import type { DeliberationEvent, Recorded } from '../deliberation/events.js';
import { documentAsOf, timelineOf, type DeliberationTimeline } from '../deliberation/timeline.js';
import type { DeliveryStreamEvent } from '../events.js';
import { createsDestructionObligation, destroyByFor } from '../retention/destruction-deadline.js';
import type { IsoDate } from '../shared/dates.js';
import { conflict, DomainError } from '../shared/errors.js';
import { decideDestruction, type DeliveryEvent, type DeliveryRecordedData, type DeliveryRequest, type Destruction } from './delivery.js';

export type DeliveryCommand =
  /** `today` is the date in Brussels when the request names no `on`; `deliveryId` is the new stream's id. */
  | { type: 'RecordDelivery'; request: DeliveryRequest; today: IsoDate; deliveryId: string }
  | { type: 'RecordDestruction'; destruction: Destruction };

/** What a delivery decision reads: the deliberations it may fall under, and the delivery's own stream. */
export interface DeliveryHistory {
  /**
   * The streams of the deliberations the release may fall under: the one the request names, or
   * each that names the recipient as a party (the deliberation index finds them).
   */
  deliberations: Recorded<DeliberationEvent>[][];
  /** The delivery's stream: empty for a new delivery. */
  delivery: Recorded<DeliveryStreamEvent>[];
}

/** A delivery the authorisation check refuses: nothing is recorded, and the answer says why. */
export class ReleaseNotAuthorised extends DomainError {
  constructor(readonly answer: CheckAnswer) {
    super('unprocessable', 'this release is not authorised', [], 'RELEASE_NOT_AUTHORISED');
    this.name = 'ReleaseNotAuthorised';
  }
}

/** Decides what a command on one delivery records; throws DomainError (ReleaseNotAuthorised) to refuse. */
export function decideDelivery(command: DeliveryCommand, history: DeliveryHistory): DeliveryEvent[] {
  switch (command.type) {
    case 'RecordDelivery':
      if (history.delivery.length > 0) throw conflict(`delivery ${command.deliveryId} is already recorded`, 'DELIVERY_EXISTS');
      return [decideRecordDelivery(command, history.deliberations)];
    case 'RecordDestruction':
      return decideDestruction(history.delivery, command.destruction);
  }
}

/**
 * A delivery is checked against what the registry knows now (a `knownAt` in the request is not
 * used), under the deliberation the check answers with; it creates a destruction obligation when
 * personal data leaves by transfer, with the deadline as it stands on the delivery date.
 */
function decideRecordDelivery(command: Extract<DeliveryCommand, { type: 'RecordDelivery' }>, streams: Recorded<DeliberationEvent>[][]) {
  const { knownAt: _ignored, ...now } = command.request;
  const access = now.access ?? 'transfer';
  const timelines = streams.map((stream) => timelineOf(stream)).filter((t): t is DeliberationTimeline => t !== undefined);
  const answer = answerCheck({ ...now, on: now.on ?? command.today, access }, timelines);
  const t = timelines.find((candidate) => candidate.original.number === answer.deliberation);
  if (!answer.authorised || !t) throw new ReleaseNotAuthorised(answer);
  const on = answer.on;
  const dataset = documentAsOf(t, on).datasets.find((d) => d.id === now.dataset);
  // An authorised release names a dataset of the deliberation as of `on` (checkRelease's DATASET rule).
  const obligation = dataset !== undefined && createsDestructionObligation(dataset, access);
  const data: DeliveryRecordedData = {
    ...now,
    deliveryId: command.deliveryId,
    deliberation: t.original.number,
    on,
    access,
    obligation,
    destroyByAtDelivery: obligation ? destroyByFor(t, on) : null,
  };
  return { type: 'DeliveryRecorded' as const, data };
}
