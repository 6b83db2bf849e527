import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { claimDueSends, markFailed, markSent, type Channel, type ClaimedSend } from '@registry/projections';

export interface WebhookTarget {
  url: string;
  secret?: string;
}

export interface MailTarget {
  send(message: { subject: string; text: string; json: string }): Promise<void>;
}

export interface OutboxSenderOptions {
  webhook?: WebhookTarget;
  mail?: MailTarget;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

type Claimed = ClaimedSend;

/** `sha256=<hex>` of the exact body bytes, keyed with REGISTRY_WEBHOOK_SECRET. */
export const signatureOf = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Seconds before retry n (1-based): 5, 10, 20, ... capped at an hour. The first comes within 30 s. */
export const backoffSeconds = (attempt: number): number => Math.min(5 * 2 ** (attempt - 1), 3600);

/**
 * Delivers outbox rows at least once. A row is claimed for a minute before sending, so two
 * instances never send it at the same time and a crash mid-send only delays a retry; the
 * reminder `id` lets the receiver drop the rare duplicate.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<number> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly options: OutboxSenderOptions,
  ) {}

  channels(): Channel[] {
    return [...(this.options.webhook ? (['webhook'] as const) : []), ...(this.options.mail ? (['email'] as const) : [])];
  }

  /** Sends what is due every `intervalMs`; a pass that fails is handed to `onFailure` (logged and counted by the runtime). */
  start(intervalMs: number, onFailure: (error: unknown) => void): void {
    this.timer = setInterval(() => void this.sendDue().catch(onFailure), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // The pass's own failure was already reported by whoever started it; only wait for it here.
    await this.busy?.catch(() => undefined);
  }

  /** Sends every row that is due; returns how many were sent. One pass at a time per process. */
  sendDue(): Promise<number> {
    this.busy ??= this.pass().finally(() => (this.busy = undefined));
    return this.busy;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await claimDueSends(this.db);
      if (claimed.length === 0) return sent;
      for (const row of claimed) if (await this.deliver(row)) sent++;
    }
  }

  private async deliver(row: Claimed): Promise<boolean> {
    try {
      await this.send(row);
      await markSent(this.db, row.id);
      this.log('info', 'reminder sent', { reminder: row.payload.id, channel: row.channel, attempts: row.attempts });
      return true;
    } catch (error) {
      const gaveUp = row.attempts >= (this.options.maxAttempts ?? 20);
      await markFailed(
        this.db,
        row.id,
        gaveUp ? 'failed' : 'retrying',
        String(error instanceof Error ? error.message : error).slice(0, 500),
        backoffSeconds(row.attempts),
      );
      this.log('warn', gaveUp ? 'reminder failed for good' : 'reminder send failed, will retry', {
        reminder: row.payload.id,
        channel: row.channel,
        attempts: row.attempts,
        error: String(error),
      });
      return false;
    }
  }

  private async send(row: Claimed): Promise<void> {
    const body = JSON.stringify(row.payload);
    if (row.channel === 'email') {
      if (!this.options.mail) throw new Error('e-mail is not configured (SMTP_URL)');
      const p = row.payload;
      return this.options.mail.send({
        subject: `Destruction reminder (${p.threshold === 'overdue' ? 'overdue' : `${p.threshold} days`}): delivery ${p.delivery} under ${p.deliberation}`,
        text: `Dataset "${p.dataset}" delivered to ${p.recipient} under deliberation ${p.deliberation} must be destroyed by ${p.destroyBy}.`,
        json: body,
      });
    }
    const webhook = this.options.webhook;
    if (!webhook) throw new Error('no webhook is configured (REGISTRY_WEBHOOK_URL)');
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(webhook.secret !== undefined ? { 'x-registry-signature': signatureOf(body, webhook.secret) } : {}),
      },
      body,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) throw new Error(`webhook answered ${response.status}`);
  }

  private log(level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) {
    this.options.log?.(level, message, fields);
  }
}
