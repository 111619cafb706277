import nodemailer, { type SendMailOptions, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { MailAttachment } from '../../db/types.js';

/** Where the outbox worker delivers: an SMTP server, or nowhere (capture mode, for development). */
export type MailTransport = { kind: 'smtp'; from: string; transporter: Pick<Transporter, 'sendMail' | 'close'> } | { kind: 'capture' };

// Short timeouts: a claimed batch must be delivered well within its 60 s lease.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/** An SMTP transport from a URL (smtp://user:pass@host:587) or nodemailer options. */
export function smtpTransport(target: string | SMTPTransportOptions, from: string): MailTransport {
  const options: SMTPTransportOptions = typeof target === 'string' ? { url: target, ...TIMEOUTS } : { ...TIMEOUTS, ...target };
  return { kind: 'smtp', from, transporter: nodemailer.createTransport(options) };
}

/** SMTP when SMTP_URL is set; otherwise mails are captured (kept, marked `captured`, shown in the UI). */
export function createMailTransport(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): MailTransport {
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : { kind: 'capture' };
}

export interface OutboxMessage {
  to_addresses: string[];
  subject: string;
  text_body: string;
  attachments: MailAttachment[];
  kind: string;
}

/**
 * The nodemailer message for an outbox row. An attachment with an iCalendar `method` becomes
 * nodemailer's `icalEvent`: a `text/calendar; method=…` alternative (mail clients show an invitation)
 * plus the same file as an .ics attachment.
 */
export function composeMessage(mail: OutboxMessage, from: string): SendMailOptions {
  const ical = mail.attachments.find((a) => a.method);
  return {
    from,
    to: mail.to_addresses,
    subject: mail.subject,
    text: mail.text_body,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Wohnhilfe-Kind': mail.kind },
    attachments: mail.attachments
      .filter((a) => a !== ical)
      .map((a) => ({ filename: a.filename, content: a.content, encoding: 'base64', contentType: a.contentType })),
    ...(ical
      ? {
          icalEvent: {
            method: ical.method!.toUpperCase(),
            filename: ical.filename,
            content: Buffer.from(ical.content, 'base64').toString('utf8'),
          },
        }
      : {}),
  };
}

/** An SMTP failure as one short line: code and server reply, never credentials. */
export function shortError(e: unknown): string {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const message = String(err.message ?? e)
    .replace(/\/\/[^\s/@]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = [err.code, err.responseCode].filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
  return `${prefix ? `${prefix}: ` : ''}${message}`.slice(0, 300);
}
