import { z } from 'zod';
import { calendarQuery, remindersQuery, runRemindersBody, scheduleQuery } from '../../queries.js';
import { reminderIssued, scheduleEntry } from '../examples.js';
import type { Operation } from '../operation.js';
import * as r from '../responses.js';
import { pageOf } from './shared.js';

export const scheduleOperations: Operation[] = [
  {
    method: 'get',
    path: '/destruction-schedule',
    operationId: 'destructionSchedule',
    tag: 'destruction',
    access: 'any',
    summary: 'What must be destroyed, by deadline',
    description:
      'The obligations as they stood on `asOf` (or `on`; default today): deliveries dated on or before it with no destruction certificate dated on or before it, sorted by deadline; `destroyByFrom` and `destroyByTo` keep only the deadlines in that range (a month of a calendar), paged within it. `due` means 0 <= daysLeft <= within.',
    query: scheduleQuery,
    responses: pageOf('obligations', r.schedulePageSchema, {
      items: [scheduleEntry],
      next: null,
      asOf: '2030-11-04',
      on: '2030-11-04',
      within: 90,
    }),
  },
  {
    method: 'get',
    path: '/destruction-schedule.ics',
    operationId: 'destructionCalendar',
    tag: 'destruction',
    access: 'any',
    summary: 'The schedule as a calendar',
    description: 'The same obligations as an iCalendar feed: an all-day event per deadline with an alarm at each reminder threshold.',
    query: calendarQuery,
    responses: { 200: { description: 'An iCalendar feed.', contentType: 'text/calendar', schema: z.string() } },
  },
  {
    method: 'get',
    path: '/reminders',
    operationId: 'listReminders',
    tag: 'destruction',
    access: 'any',
    summary: 'Reminders issued',
    description:
      'Reminders issued per delivery, deadline and threshold (as known at `knownAt`), with the current send status of each channel.',
    query: remindersQuery,
    responses: pageOf('reminders', r.reminderPageSchema, undefined),
  },
  {
    method: 'post',
    path: '/reminders/run',
    operationId: 'runReminders',
    tag: 'destruction',
    access: ['secretariat', 'steward'],
    summary: 'Issue the reminders due',
    description:
      'Issues now every reminder due as of `asOf` (default today) that was not issued yet; the daily scheduler does the same. Answers those issued by this run.',
    body: { schema: runRemindersBody, example: { asOf: '2030-11-05' }, required: false },
    responses: {
      200: {
        description: 'The reminders this run issued (none when all were issued before).',
        schema: r.remindersRunSchema,
        example: { asOf: '2030-11-05', items: [reminderIssued] },
      },
    },
  },
];
