import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from '../support/server.js';
import { deliver, expectStatus, itemsOf, record24130, sampleRelease, sleep } from './helpers.js';
import { OutboxSender } from '../../apps/registry/src/schedule/outbox-sender.js';

const SECRET = 'webhook-secret-for-tests';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** Waits until `ready()` is true, polling; fails with `what` after `timeoutMs`. */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/**
 * Reminders leave through the outbox: a signed webhook POST to a local receiver (which fails
 * the first time, to see the retry) and an e-mail to an in-process SMTP server.
 *
 * Time is moved only by SQL: after the first failed attempt the test sets the row's
 * `next_attempt_at` to now() through `api.server.database.dataSource` and calls
 * `api.server.app.get(OutboxSender).sendDue()`, instead of waiting out the 5 s back-off.
 */
describe('reminders sent by webhook (signed, retried) and by e-mail', () => {
  let api: TestServer;
  let receiver: Server;
  let smtp: SMTPServer;
  const received: Received[] = [];
  const mails: { from: string; to: string[]; raw: string }[] = [];
  let failuresLeft = 1;
  let delivery: string;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answered = failuresLeft-- > 0 ? 500 : 204;
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    api = await startTestServer({
      REGISTRY_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/registry`,
      REGISTRY_WEBHOOK_SECRET: SECRET,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      REGISTRY_REMINDER_EMAIL_TO: 'dpo@steunpunt.example',
      REGISTRY_REMINDER_EMAIL_FROM: 'registry@ksz.example',
      REGISTRY_OUTBOX_INTERVAL_MS: '50',
    });
    await record24130(api);
    delivery = (await deliver(api, sampleRelease({ reference: 'WEBHOOK-1' }))).id;
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
  });

  let reminderId: string;

  it('posts the reminder to the webhook with the body fields and an HMAC-SHA256 signature of the body', async () => {
    const run = expectStatus(await api.request('POST', '/reminders/run', { role: 'steward', body: { asOf: '2030-07-04' } }), 200);
    const items = itemsOf(run.body);
    expect(items).toHaveLength(1);
    reminderId = items[0].id;
    await until(() => received.length >= 1, 'the first webhook call');
    const first = received[0];
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(first.body)).toEqual({
      type: 'destruction-reminder',
      id: reminderId,
      delivery,
      deliberation: '24/130',
      dataset: 'sample',
      recipient: 'steunpunt-werk',
      destroyBy: '2030-12-31',
      threshold: 180,
      asOf: '2030-07-04',
    });
    const expected = `sha256=${createHmac('sha256', SECRET).update(first.body).digest('hex')}`;
    expect(first.headers['x-registry-signature']).toBe(expected);
    expect(first.headers['x-registry-signature']).not.toBe(
      `sha256=${createHmac('sha256', 'another-secret').update(first.body).digest('hex')}`,
    );
  });

  it('a failed webhook call is retried within 30 seconds; GET /reminders shows status and attempts', async () => {
    await until(async () => {
      const [r] = itemsOf((await api.request('GET', `/reminders?delivery=${delivery}`, { role: 'auditor' })).body);
      return r?.channels?.find((c: { channel: string }) => c.channel === 'webhook')?.status === 'retrying';
    }, 'the webhook failure to be recorded');
    const [pending] = itemsOf(expectStatus(await api.request('GET', `/reminders?delivery=${delivery}`, { role: 'auditor' }), 200).body);
    expect(pending).toMatchObject({ id: reminderId, delivery, threshold: 180 });
    expect(pending.status).not.toBe('sent');
    const webhook = pending.channels.find((c: { channel: string }) => c.channel === 'webhook');
    expect(webhook).toMatchObject({ status: 'retrying', attempts: 1, lastError: expect.stringMatching(/500/) });
    const wait = Date.parse(webhook.nextAttemptAt) - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30_000);
    expect(received).toHaveLength(1);

    // Bring the retry forward (instead of sleeping out the back-off), then let the outbox send.
    await api.server.database.dataSource.query(
      `UPDATE outbox SET next_attempt_at = now() WHERE channel = 'webhook' AND status = 'retrying'`,
    );
    await api.server.app.get(OutboxSender).sendDue();
    await until(() => received.length >= 2, 'the webhook retry');
    expect(received[1].answered).toBe(204);
    expect(received[1].body).toBe(received[0].body);
    expect(received[1].headers['x-registry-signature']).toBe(received[0].headers['x-registry-signature']);

    await until(async () => {
      const [r] = itemsOf((await api.request('GET', `/reminders?delivery=${delivery}`, { role: 'auditor' })).body);
      return r?.status === 'sent';
    }, 'the reminder to be sent');
    const [sent] = itemsOf((await api.request('GET', `/reminders?delivery=${delivery}`, { role: 'steward' })).body);
    expect(sent.channels.find((c: { channel: string }) => c.channel === 'webhook')).toMatchObject({
      status: 'sent',
      attempts: 2,
      sentAt: expect.any(String),
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
  });

  it('sends the same reminder by e-mail to REGISTRY_REMINDER_EMAIL_TO', async () => {
    await until(() => mails.length >= 1, 'the reminder e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['dpo@steunpunt.example']);
    expect(mails[0].from).toBe('registry@ksz.example');
    const unfolded = mails[0].raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]/g, ' ');
    expect(unfolded).toMatch(/Subject: .*Destruction reminder/i);
    expect(unfolded).toContain(delivery);
    expect(unfolded).toContain(reminderId);
    expect(unfolded).toContain('2030-12-31');
    const [r] = itemsOf((await api.request('GET', `/reminders?delivery=${delivery}`, { role: 'auditor' })).body);
    expect(r.channels.find((c: { channel: string }) => c.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a later threshold is sent once more, and nothing is sent twice', async () => {
    const run = expectStatus(await api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf: '2030-10-02' } }), 200);
    expect(itemsOf(run.body).map((r) => r.threshold)).toEqual([90]);
    expect(itemsOf((await api.request('POST', '/reminders/run', { role: 'secretariat', body: { asOf: '2030-10-02' } })).body)).toEqual([]);
    await until(() => received.length >= 3 && mails.length >= 2, 'the 90-day reminder on both channels');
    await api.server.app.get(OutboxSender).sendDue();
    await sleep(200);
    expect(received).toHaveLength(3);
    expect(mails).toHaveLength(2);
    expect(JSON.parse(received[2].body)).toMatchObject({ delivery, threshold: 90, asOf: '2030-10-02' });
  });
});
