import { startTestServer, type TestServer } from '../support/server.js';
import { capturedLog } from '../support/captured-log.js';
import { sleep } from '../e2e/helpers.js';
import { OutboxSender } from '../../apps/registry/src/schedule/outbox-sender.js';
import { ReminderService } from '../../apps/registry/src/schedule/reminder.service.js';

/**
 * Issue 10, fault 8: a background task that fails (the daily reminder run, an outbox pass) is
 * logged at error level with its cause and counted in registry_background_failures_total.
 */
describe('fault 8: background failures are logged with their cause and counted', () => {
  const captured = capturedLog();
  let api: TestServer;

  beforeAll(async () => {
    // Every second (cron with seconds), so the test does not wait for 06:00.
    api = await startTestServer(
      { REGISTRY_REMINDER_CRON: '* * * * * *', REGISTRY_OUTBOX_INTERVAL_MS: '100', LOG_LEVEL: 'info' },
      { scheduler: true, log: captured.log },
    );
  });
  afterAll(async () => api?.close());

  const failures = async (task: string) => {
    const text = (await api.request('GET', '/metrics', { role: null })).text;
    const line = text.split('\n').find((l) => l.startsWith(`registry_background_failures_total{task="${task}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('a failing daily reminder run', async () => {
    const reminders = api.server.app.get(ReminderService);
    const original = reminders.run.bind(reminders);
    reminders.run = () => Promise.reject(new Error('reminder ledger unreachable'));
    try {
      await sleep(2300);
    } finally {
      reminders.run = original;
    }
    const lines = captured.errors().filter((l) => l.task === 'daily-reminders');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines[0])).toContain('reminder ledger unreachable');
    expect(await failures('daily-reminders')).toBeGreaterThan(0);
  });

  it('a failing outbox pass', async () => {
    const outbox = api.server.app.get(OutboxSender);
    const original = outbox.sendDue.bind(outbox);
    outbox.sendDue = () => Promise.reject(new Error('outbox table locked'));
    try {
      await sleep(500);
    } finally {
      outbox.sendDue = original;
    }
    const lines = captured.errors().filter((l) => l.task === 'outbox-send');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines[0])).toContain('outbox table locked');
    expect(await failures('outbox-send')).toBeGreaterThan(0);
  });
});
