import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { composeMessage, createMailTransport, shortError } from './transport.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('mail transport', () => {
  it('turns a calendar attachment into an invitation part and keeps the others as files', () => {
    const msg = composeMessage(
      {
        to_addresses: ['a@test.example'],
        subject: 'Einladung',
        text_body: 'Hallo',
        kind: 'k',
        attachments: [
          { filename: 'plan.pdf', contentType: 'application/pdf', content: b64('%PDF') },
          { filename: 'termin.ics', contentType: 'text/calendar', content: b64('BEGIN:VCALENDAR'), method: 'request' },
        ],
      },
      'wohnhilfe <no-reply@wohnhilfe.local>',
    );
    expect(msg.icalEvent).toEqual({ method: 'REQUEST', filename: 'termin.ics', content: 'BEGIN:VCALENDAR' });
    expect(msg.attachments).toEqual([{ filename: 'plan.pdf', content: b64('%PDF'), encoding: 'base64', contentType: 'application/pdf' }]);
    expect(msg.headers).toMatchObject({ 'Auto-Submitted': 'auto-generated' });
  });

  it('keeps errors short and free of credentials', () => {
    const e = Object.assign(new Error('Connection to smtp://wohnhilfe:geheim@mail.example.org:587 failed\n  at somewhere'), {
      code: 'ECONNECTION',
    });
    const s = shortError(e);
    expect(s).toBe('ECONNECTION: Connection to smtp://***@mail.example.org:587 failed at somewhere');
    expect(s).not.toContain('geheim');
    expect(shortError(new Error('x'.repeat(1000))).length).toBe(300);
    expect(shortError(Object.assign(new Error('Mailbox voll'), { responseCode: 452 }))).toBe('452: Mailbox voll');
  });

  it('captures without SMTP_URL and validates the settings', () => {
    const config = loadConfig({});
    expect(config.MAIL_FROM).toBe('wohnhilfe <no-reply@wohnhilfe.local>');
    expect(config.MAIL_WORKER_INTERVAL_MS).toBe(2000);
    expect(createMailTransport(config)).toEqual({ kind: 'capture' });
    expect(createMailTransport(loadConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525' })).kind).toBe('smtp');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL/);
  });
});
