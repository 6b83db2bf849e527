import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import ical, { ICalAlarmType } from 'ical-generator';
import { brusselsDate, DEFAULT_DUE_WITHIN_DAYS } from '@registry/domain';
import type { RegistryConfig } from '../core/config.js';
import { REGISTRY_CONFIG } from '../core/tokens.js';
import { DeliveryService } from '../releases/delivery.service.js';
import { CommandBus } from '@nestjs/cqrs';
import { RunReminders } from './commands.js';
import { ReminderService } from './reminder.service.js';
import { Roles, type AuthenticatedRequest } from '../http/auth.js';
import { calendarQuery, remindersQuery, runRemindersBody, scheduleQuery } from '../http/queries.js';
import { parseQuery } from '../http/params.js';
import { commandContext } from '../http/request-context.js';
import { parse } from '../http/validation.js';
import { ValidationProblem } from '../http/problem.js';

const DAY_SECONDS = 86_400;

/** `asOf` and `on` name the same date; giving both with different values is refused. */
function judgedOn(asOf: string | undefined, on: string | undefined): string {
  if (asOf && on && asOf !== on)
    throw new ValidationProblem([{ path: '/query/on', message: `differs from asOf (${asOf}); give one of them` }]);
  return asOf ?? on ?? brusselsDate();
}

/** A deadline range whose end is before its start would silently answer nothing: refused instead. */
function deadlineRange(destroyByFrom: string | undefined, destroyByTo: string | undefined) {
  if (destroyByFrom && destroyByTo && destroyByTo < destroyByFrom)
    throw new ValidationProblem([{ path: '/query/destroyByTo', message: `is before destroyByFrom (${destroyByFrom})` }]);
  return { destroyByFrom, destroyByTo };
}

@Controller()
export class ScheduleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly deliveries: DeliveryService,
    private readonly reminderService: ReminderService,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  @Get('destruction-schedule')
  async schedule(@Query() query: unknown) {
    const { asOf, on, within, knownAt, destroyByFrom, destroyByTo, ...page } = parseQuery(scheduleQuery, query);
    const date = judgedOn(asOf, on);
    const answer = await this.deliveries.schedulePage(date, within, knownAt, { ...page, ...deadlineRange(destroyByFrom, destroyByTo) });
    return { ...answer, asOf: date, on: date, within: within ?? DEFAULT_DUE_WITHIN_DAYS, ...(knownAt ? { knownAt } : {}) };
  }

  /** The schedule as an all-day event per deadline, with alarms at each reminder threshold. */
  @Get('destruction-schedule.ics')
  async calendar(@Query() query: unknown, @Res() res: Response) {
    const { asOf, on, within, knownAt } = parseQuery(calendarQuery, query);
    const calendar = ical({ name: 'Destruction deadlines', prodId: { company: 'registry', product: 'deliberation-registry' } });
    for (const entry of await this.deliveries.schedule(judgedOn(asOf, on), within, knownAt)) {
      const event = calendar.createEvent({
        id: `destruction-${entry.delivery}@registry`,
        start: new Date(`${entry.destroyBy}T00:00:00Z`),
        allDay: true,
        summary: `Destroy ${entry.dataset} (${entry.deliberation}) held by ${entry.recipient}`,
        description: `Delivery ${entry.delivery} of ${entry.deliveredOn} under deliberation ${entry.deliberation} must be destroyed by ${entry.destroyBy} (${entry.status}, ${entry.daysLeft} days left).`,
      });
      for (const days of this.config.reminderThresholds)
        event.createAlarm({
          type: ICalAlarmType.display,
          triggerBefore: days * DAY_SECONDS,
          description: `${days} days before the destruction deadline`,
        });
    }
    res.type('text/calendar; charset=utf-8').send(calendar.toString());
  }

  @Get('reminders')
  async reminders(@Query() query: unknown) {
    const filter = parseQuery(remindersQuery, query);
    return { ...(await this.reminderService.list(filter)), ...(filter.knownAt ? { knownAt: filter.knownAt } : {}) };
  }

  @Post('reminders/run')
  @HttpCode(200)
  @Roles('secretariat', 'steward')
  async run(@Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const { asOf } = parse(runRemindersBody, body ?? {});
    const issued = await this.commands.execute(new RunReminders(asOf ?? brusselsDate(), commandContext(req)));
    return { asOf: asOf ?? brusselsDate(), items: issued };
  }
}
