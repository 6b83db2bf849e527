import { Inject, type Type } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';

/**
 * A command handler for Nest's CQRS module from one function: the handler receives the feature's
 * service by injection and calls its use case. Every write (HTTP, CLI, the daily scheduler) is
 * dispatched through the CommandBus this way (ADR 6).
 */
export function commandHandler<C extends object, S>(
  command: Type<C>,
  service: Type<S>,
  handle: (service: S, command: C) => Promise<unknown>,
) {
  @CommandHandler(command)
  class Handler {
    constructor(@Inject(service) readonly service: S) {}
    execute(c: C) {
      return handle(this.service, c);
    }
  }
  Object.defineProperty(Handler, 'name', { value: `${command.name}Handler` });
  return Handler;
}
