import { commandHandler } from '../core/command-handler.js';
import type { CommandContext } from '../core/event-sourced-repository.js';
import { ReminderService } from './reminder.service.js';

/** Issue every reminder due as of `asOf` (HTTP, CLI and the daily scheduler alike). */
export class RunReminders {
  constructor(
    readonly asOf: string,
    readonly ctx: CommandContext,
  ) {}
}

export const scheduleCommandHandlers = [commandHandler(RunReminders, ReminderService, (s, c) => s.run(c.asOf, c.ctx))];
