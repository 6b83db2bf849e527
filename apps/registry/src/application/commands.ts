import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { AmendmentDocument, Commitment, DeliberationDocument, DeliveryRequest, Destruction, OutputRelease, Revocation } from '@registry/domain';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import type { CommandContext } from './event-sourced-repository.js';

/** Writes go through the command bus; each handler is a thin call into the use case. */
export class RecordDeliberation { constructor(readonly document: DeliberationDocument, readonly ctx: CommandContext) {} }
export class AmendDeliberation { constructor(readonly id: string, readonly amendment: AmendmentDocument, readonly ctx: CommandContext) {} }
export class RevokeDeliberation { constructor(readonly id: string, readonly revocation: Revocation, readonly ctx: CommandContext) {} }
export class RecordCommitment { constructor(readonly id: string, readonly commitment: Commitment, readonly ctx: CommandContext) {} }
export class RecordDelivery { constructor(readonly request: DeliveryRequest, readonly ctx: CommandContext) {} }
export class RecordDestruction { constructor(readonly id: string, readonly destruction: Destruction, readonly ctx: CommandContext) {} }
export class RecordOutputRelease { constructor(readonly id: string, readonly release: OutputRelease, readonly ctx: CommandContext) {} }
export class RunReminders { constructor(readonly asOf: string, readonly ctx: CommandContext) {} }

export const RUNTIME = Symbol('RUNTIME');

type Handle<C> = (runtime: RegistryRuntime, command: C) => Promise<unknown>;

/** Makes a command handler class for Nest's CQRS module from one function. */
function handler<C extends object>(command: new (...args: never[]) => C, handle: Handle<C>) {
  @CommandHandler(command)
  class Handler {
    constructor(@Inject(RUNTIME) readonly runtime: RegistryRuntime) {}
    execute(c: C) {
      return handle(this.runtime, c);
    }
  }
  Object.defineProperty(Handler, 'name', { value: `${command.name}Handler` });
  return Handler;
}

export const commandHandlers = [
  handler(RecordDeliberation, (r, c) => r.deliberations.record(c.document, c.ctx)),
  handler(AmendDeliberation, (r, c) => r.deliberations.amend(c.id, c.amendment, c.ctx)),
  handler(RevokeDeliberation, (r, c) => r.deliberations.revoke(c.id, c.revocation, c.ctx)),
  handler(RecordCommitment, (r, c) => r.deliberations.recordCommitment(c.id, c.commitment, c.ctx)),
  handler(RecordDelivery, (r, c) => r.deliveries.record(c.request, c.ctx)),
  handler(RecordDestruction, (r, c) => r.deliveries.recordDestruction(c.id, c.destruction, c.ctx)),
  handler(RecordOutputRelease, (r, c) => r.outputReleases.record(c.id, c.release, c.ctx)),
  handler(RunReminders, (r, c) => r.reminders.run(c.asOf, c.ctx)),
];
