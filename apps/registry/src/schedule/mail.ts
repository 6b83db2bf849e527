import type { MailTarget } from './outbox-sender.js';

/** Reminders by e-mail through nodemailer, when SMTP_URL is set. */
export async function mailTarget(smtpUrl: string, from: string, to?: string): Promise<MailTarget> {
  if (!to) throw new Error('SMTP_URL is set but REGISTRY_REMINDER_EMAIL_TO is not: whom should reminders go to?');
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ subject, text, json }) {
      await transport.sendMail({ from, to, subject, text: `${text}\n\n${json}\n`, headers: { 'X-Registry-Reminder': 'destruction' } });
    },
  };
}
