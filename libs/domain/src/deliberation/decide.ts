import { conflict, notFound, unprocessable } from '../shared/errors.js';
import { isAfter } from '../shared/dates.js';
import type { AmendmentDocument } from './amendment.js';
import { applyChange } from './apply-change.js';
import type { DeliberationDocument } from './document.js';
import type { Commitment, DeliberationEvent, Recorded, Revocation } from './events.js';
import { amend, timelineOf, type DeliberationTimeline } from './timeline.js';

export type DeliberationCommand =
  | { type: 'RecordDeliberation'; document: DeliberationDocument }
  | { type: 'AmendDeliberation'; amendment: AmendmentDocument }
  | { type: 'RevokeDeliberation'; revocation: Revocation }
  | { type: 'RecordCommitment'; commitment: Commitment };

/** Decides what a command on one deliberation records, given its stream; throws DomainError to refuse. */
export function decideDeliberation(command: DeliberationCommand, history: Recorded<DeliberationEvent>[]): DeliberationEvent[] {
  const timeline = timelineOf(history);
  if (command.type === 'RecordDeliberation') {
    if (timeline) throw conflict(`deliberation ${command.document.number} is already recorded`, 'DELIBERATION_EXISTS');
    return [{ type: 'DeliberationRecorded', data: { document: command.document } }];
  }
  if (!timeline) throw notFound('no such deliberation is recorded');
  switch (command.type) {
    case 'AmendDeliberation':
      return [decideAmendment(timeline, command.amendment)];
    case 'RevokeDeliberation':
      if (timeline.revocation) throw conflict(`deliberation ${timeline.original.number} is already revoked`, 'ALREADY_REVOKED');
      return [{ type: 'DeliberationRevoked', data: command.revocation }];
    case 'RecordCommitment':
      return [decideCommitment(timeline, command.commitment)];
  }
}

/**
 * An amendment is checked against the decision as it stands on the amendment's own
 * `effectiveFrom` (every amendment in effect by then applied): each change must apply to it,
 * and every amendment recorded to take effect later must still apply after it.
 */
function decideAmendment(t: DeliberationTimeline, amendment: AmendmentDocument): DeliberationEvent {
  const { deliberation, ...rest } = amendment;
  if (deliberation !== undefined && deliberation !== t.original.number)
    throw unprocessable('the amendment names another deliberation', [
      { path: '/deliberation', message: `is "${deliberation}" but this is deliberation ${t.original.number}` },
    ]);
  if (t.revocation) throw conflict(`deliberation ${t.original.number} is revoked and can no longer be amended`, 'REVOKED');
  let doc = amend(
    t.original,
    t.amendments.filter((a) => !isAfter(a.effectiveFrom, amendment.effectiveFrom)),
  );
  amendment.changes.forEach((change, index) => {
    const result = applyChange(doc, change, `/changes/${index}`);
    if (!result.ok)
      throw unprocessable(
        `change ${index} (${change.op}) does not apply: ${result.error.message}`,
        [result.error],
        'CHANGE_DOES_NOT_APPLY',
      );
    doc = result.document;
  });
  // A backdated amendment must not make an amendment already recorded to take effect later stop applying.
  for (const later of t.amendments.filter((a) => isAfter(a.effectiveFrom, amendment.effectiveFrom)))
    later.changes.forEach((change, index) => {
      const result = applyChange(doc, change);
      if (!result.ok)
        throw unprocessable(
          `this amendment would make change ${index} (${change.op}) of amendment ${later.sequence}, in force from ${later.effectiveFrom}, no longer apply: ${result.error.message}`,
          [{ path: '/changes', message: `conflicts with amendment ${later.sequence}` }],
          'CHANGE_DOES_NOT_APPLY',
        );
      doc = result.document;
    });
  return { type: 'DeliberationAmended', data: { ...rest, sequence: t.amendments.length + 1 } };
}

function decideCommitment(t: DeliberationTimeline, commitment: Commitment): DeliberationEvent {
  const everParty = [t.original, ...t.amendments.flatMap((a) => a.changes)].some((x) =>
    'parties' in x ? x.parties.some((p) => p.id === commitment.party) : x.op === 'addParty' && x.party.id === commitment.party,
  );
  if (!everParty)
    throw unprocessable(
      `"${commitment.party}" is not a party to deliberation ${t.original.number}`,
      [{ path: '/party', message: 'is not a party to this deliberation' }],
      'UNKNOWN_PARTY',
    );
  return { type: 'CommitmentRecorded', data: commitment };
}
