import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import ical, { ICalAlarmType } from 'ical-generator';
import { z } from 'zod';
import { brusselsDate, calendarDate } from '../../../../libs/domain/src/index.js';
import { RunReminders, RUNTIME } from '../application/commands.js';
import type { RegistryRuntime } from '../infrastructure/runtime.js';
import { Roles, type AuthenticatedRequest } from './auth.js';
import { jsonSchema } from './openapi.js';
import { parseQuery, uuidParam } from './params.js';
import { commandContext } from './request-context.js';
import { parse } from './validation.js';

const scheduleQuery = z.strictObject({
  asOf: calendarDate.optional(),
  within: z.coerce.number().int().min(0).max(36500).optional(),
});
const runBody = z.strictObject({ asOf: calendarDate.optional() });
const remindersQuery = z.strictObject({ delivery: z.string().optional() });
const DAY_SECONDS = 86_400;

@ApiTags('destruction')
@ApiBearerAuth()
@Controller()
export class ScheduleController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RUNTIME) private readonly runtime: RegistryRuntime,
  ) {}

  @Get('destruction-schedule')
  async schedule(@Query() query: unknown) {
    const { asOf, within } = parseQuery(scheduleQuery, query);
    return { asOf: asOf ?? brusselsDate(), items: await this.runtime.deliveries.schedule(asOf ?? brusselsDate(), within) };
  }

  /** The schedule as an all-day event per deadline, with alarms at each reminder threshold. */
  @Get('destruction-schedule.ics')
  async calendar(@Query() query: unknown, @Res() res: Response) {
    const { asOf, within } = parseQuery(scheduleQuery, query);
    const calendar = ical({ name: 'Destruction deadlines', prodId: { company: 'registry', product: 'deliberation-registry' } });
    for (const entry of await this.runtime.deliveries.schedule(asOf ?? brusselsDate(), within)) {
      const event = calendar.createEvent({
        id: `destruction-${entry.delivery}@registry`,
        start: new Date(`${entry.destroyBy}T00:00:00Z`),
        allDay: true,
        summary: `Destroy ${entry.dataset} (${entry.deliberation}) held by ${entry.recipient}`,
        description: `Delivery ${entry.delivery} of ${entry.deliveredOn} under deliberation ${entry.deliberation} must be destroyed by ${entry.destroyBy} (${entry.status}, ${entry.daysLeft} days left).`,
      });
      for (const days of this.runtime.config.reminderThresholds)
        event.createAlarm({ type: ICalAlarmType.display, triggerBefore: days * DAY_SECONDS, description: `${days} days before the destruction deadline` });
    }
    res.type('text/calendar; charset=utf-8').send(calendar.toString());
  }

  @Get('reminders')
  async reminders(@Query() query: unknown) {
    const { delivery } = parseQuery(remindersQuery, query);
    return { items: await this.runtime.reminders.list(delivery === undefined ? undefined : uuidParam(delivery, 'delivery')) };
  }

  @Post('reminders/run')
  @HttpCode(200)
  @Roles('secretariat', 'steward')
  @ApiBody({ schema: jsonSchema(runBody) })
  async run(@Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const { asOf } = parse(runBody, body ?? {});
    const issued = await this.commands.execute(new RunReminders(asOf ?? brusselsDate(), commandContext(req)));
    return { asOf: asOf ?? brusselsDate(), items: issued };
  }
}
