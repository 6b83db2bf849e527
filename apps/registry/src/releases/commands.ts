import type { DeliveryRequest, Destruction, OutputRelease } from '@registry/domain';
import { commandHandler } from '../core/command-handler.js';
import type { CommandContext } from '../core/event-sourced-repository.js';
import { DeliveryService } from './delivery.service.js';
import { OutputReleaseService } from './output-release.service.js';

export class RecordDelivery {
  constructor(
    readonly request: DeliveryRequest,
    readonly ctx: CommandContext,
  ) {}
}
export class RecordDestruction {
  constructor(
    readonly id: string,
    readonly destruction: Destruction,
    readonly ctx: CommandContext,
  ) {}
}
export class RecordOutputRelease {
  constructor(
    readonly id: string,
    readonly release: OutputRelease,
    readonly ctx: CommandContext,
  ) {}
}

export const releaseCommandHandlers = [
  commandHandler(RecordDelivery, DeliveryService, (s, c) => s.record(c.request, c.ctx)),
  commandHandler(RecordDestruction, DeliveryService, (s, c) => s.recordDestruction(c.id, c.destruction, c.ctx)),
  commandHandler(RecordOutputRelease, OutputReleaseService, (s, c) => s.record(c.id, c.release, c.ctx)),
];
