import type { AmendmentDocument, Commitment, DeliberationDocument, Revocation } from '@registry/domain';
import { commandHandler } from '../core/command-handler.js';
import type { CommandContext } from '../core/event-sourced-repository.js';
import { DeliberationService } from './deliberation.service.js';

export type Written = { id: string; version: number };

export class RecordDeliberation {
  constructor(
    readonly document: DeliberationDocument,
    readonly ctx: CommandContext,
  ) {}
}
export class AmendDeliberation {
  constructor(
    readonly id: string,
    readonly amendment: AmendmentDocument,
    readonly ctx: CommandContext,
  ) {}
}
export class RevokeDeliberation {
  constructor(
    readonly id: string,
    readonly revocation: Revocation,
    readonly ctx: CommandContext,
  ) {}
}
export class RecordCommitment {
  constructor(
    readonly id: string,
    readonly commitment: Commitment,
    readonly ctx: CommandContext,
  ) {}
}

export const deliberationCommandHandlers = [
  commandHandler(RecordDeliberation, DeliberationService, (s, c) => s.record(c.document, c.ctx)),
  commandHandler(AmendDeliberation, DeliberationService, (s, c) => s.amend(c.id, c.amendment, c.ctx)),
  commandHandler(RevokeDeliberation, DeliberationService, (s, c) => s.revoke(c.id, c.revocation, c.ctx)),
  commandHandler(RecordCommitment, DeliberationService, (s, c) => s.recordCommitment(c.id, c.commitment, c.ctx)),
];
