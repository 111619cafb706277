import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildInvite, icsAttachment, readableTime, type Invite } from './ics.js';

const base: Invite = {
  uid: 'rt-4711@wohnhilfe.example',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-12-01T09:00:00Z'),
  end: new Date('2026-12-01T10:30:00Z'),
  summary: 'Runder Tisch Wohnungsangebot W-2026-00012 – Größenprüfung',
  description: 'Besprechung der Vorschläge für die Wohnung in der Königsstraße.',
  location: 'Rathaus, Zimmer 3.14, Marktplatz 1, 79098 Freiburg',
  url: 'https://video.example.org/b/rt-4711?pwd=äöü',
  organizer: { name: 'Jürgen Weiß', email: 'juergen.weiss@stadt.example' },
  attendees: [
    { name: 'Özlem Çelik', email: 'oezlem.celik@wohnbau.example' },
    { name: 'Sören "Söri" Müller', email: 'soeren.mueller@traeger.example' },
  ],
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return { cal, vevent, event: new ICAL.Event(vevent) };
}

describe('buildInvite', () => {
  it('writes a REQUEST that an independent parser reads back field by field', () => {
    const before = Date.now();
    const ics = buildInvite(base);
    const { cal, vevent, event } = parse(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(cal.getFirstPropertyValue('prodid'))).toContain('wohnhilfe');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().getTime()).toBe(base.start.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(base.end.getTime());
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
    expect(event.summary).toBe(base.summary);
    expect(event.location).toBe(base.location);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('url')).toBe(base.url);
    expect(event.description).toContain(base.description);
    expect(event.description).toContain(`Videokonferenz: ${base.url}`);
    expect(event.description).toContain('Termin: Dienstag, 01.12.2026, 10:00–11:30 Uhr');
    const stamp = (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime();
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamp).toBeLessThanOrEqual(Date.now());

    const organizer = vevent.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:juergen.weiss@stadt.example');
    expect(organizer.getParameter('cn')).toBe('Jürgen Weiß');

    const attendees = event.attendees.map((p) => ({
      email: String(p.getFirstValue()).toLowerCase(),
      cn: p.getParameter('cn'),
      rsvp: p.getParameter('rsvp'),
      partstat: p.getParameter('partstat'),
      role: p.getParameter('role'),
    }));
    expect(attendees).toEqual([
      { email: 'mailto:oezlem.celik@wohnbau.example', cn: 'Özlem Çelik', rsvp: 'TRUE', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
      {
        email: 'mailto:soeren.mueller@traeger.example',
        cn: "Sören 'Söri' Müller",
        rsvp: 'TRUE',
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
      },
    ]);
  });

  it('uses CRLF line ends, Berlin local times with TZID, a DTSTAMP in UTC', () => {
    const ics = buildInvite(base);
    expect(ics.split('\r\n').length).toBeGreaterThan(10);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261201T100000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261201T113000\r\n');
    expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    // No calendar-wide zone: the TZID names exactly the one VTIMEZONE in the file.
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(ics).not.toContain('X-WR-TIMEZONE');
  });

  it('carries a VTIMEZONE for Europe/Berlin whose rules give CET in winter and CEST in summer', () => {
    const summer = buildInvite({ ...base, start: new Date('2026-07-01T08:00:00Z'), end: new Date('2026-07-01T09:00:00Z') });
    expect(summer).toContain('DTSTART;TZID=Europe/Berlin:20260701T100000');
    const { cal, event } = parse(summer);
    const vtz = cal.getFirstSubcomponent('vtimezone')!;
    expect(vtz.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const tz = new ICAL.Timezone(vtz);
    const at = (month: number, day: number, hour: number) =>
      tz.utcOffset(ICAL.Time.fromData({ year: 2027, month, day, hour, minute: 30, isDate: false }));
    expect(at(1, 15, 12)).toBe(3600);
    expect(at(3, 28, 1)).toBe(3600); // last Sunday of March 2027, before 02:00
    expect(at(3, 28, 3)).toBe(7200); // … and after the change
    expect(at(7, 1, 12)).toBe(7200);
    expect(at(10, 31, 4)).toBe(3600); // last Sunday of October 2027, after 03:00
    // An independent parser turns the local time with its zone back into the exact instant.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('writes the Berlin wall-clock time whatever zone the server runs in', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const ics = buildInvite(base);
      expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261201T100000');
      expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('writes a CANCEL with a higher sequence, STATUS:CANCELLED and no RSVP request', () => {
    const { cal, vevent, event } = parse(buildInvite({ ...base, method: 'CANCEL', sequence: 2 }));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.summary).toBe(`Abgesagt: ${base.summary}`);
    expect(event.description.startsWith('Dieser Termin wurde abgesagt.')).toBe(true);
    expect(event.attendees.map((p) => p.getParameter('rsvp'))).toEqual(['FALSE', 'FALSE']);
  });

  it('an update keeps the UID and carries the increased sequence and new times', () => {
    const moved = { ...base, sequence: 1, start: new Date('2026-12-02T13:00:00Z'), end: new Date('2026-12-02T14:00:00Z') };
    const { event } = parse(buildInvite(moved));
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-02T13:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-02T14:00:00.000Z');
  });

  it('folds long lines at 75 octets without splitting umlauts, and they unfold to the original', () => {
    const long = Array.from(
      { length: 12 },
      (_, i) => `Absatz ${i + 1}: Größere Änderungen für Übergänge, Straßen; Maßnahmen – „Zitat“ € ß.`,
    ).join('\n');
    const ics = buildInvite({ ...base, description: long });
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    // Every folded chunk is valid UTF-8 on its own: no character was cut in half.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    const { event } = parse(ics);
    expect(event.description.startsWith(long)).toBe(true);
  });

  it('without location and url writes neither, and the description still names the time', () => {
    const { vevent, event } = parse(buildInvite({ ...base, location: undefined, url: undefined, description: undefined }));
    expect(vevent.getFirstPropertyValue('location')).toBeNull();
    expect(vevent.getFirstPropertyValue('url')).toBeNull();
    expect(event.description).toBe('Termin: Dienstag, 01.12.2026, 10:00–11:30 Uhr');
  });

  it('refuses an end before the start, a negative sequence and an empty uid', () => {
    expect(() => buildInvite({ ...base, end: base.start })).toThrow(/end/);
    expect(() => buildInvite({ ...base, sequence: -1 })).toThrow(/sequence/);
    expect(() => buildInvite({ ...base, uid: ' ' })).toThrow(/uid/);
  });
});

describe('readableTime', () => {
  it('shows the local time of the zone across daylight saving time', () => {
    expect(readableTime(new Date('2026-07-01T08:00:00Z'), new Date('2026-07-01T09:00:00Z'))).toBe('Mittwoch, 01.07.2026, 10:00–11:00 Uhr');
    expect(readableTime(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T09:00:00Z'), 'Europe/London')).toBe(
      'Dienstag, 01.12.2026, 08:00–09:00 Uhr',
    );
  });
  it('names both days when the appointment spans midnight', () => {
    expect(readableTime(new Date('2026-12-01T22:00:00Z'), new Date('2026-12-02T00:30:00Z'))).toBe(
      'Dienstag, 01.12.2026, 23:00 Uhr – Mittwoch, 02.12.2026, 01:30 Uhr',
    );
  });
});

describe('icsAttachment', () => {
  it('is base64 of the UTF-8 text with the method in the content type', () => {
    const ics = buildInvite(base);
    const att = icsAttachment(ics, 'REQUEST');
    expect(att.filename).toBe('einladung.ics');
    expect(att.method).toBe('REQUEST');
    expect(att.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(Buffer.from(att.content, 'base64').toString('utf8')).toBe(ics);
    expect(icsAttachment(ics, 'CANCEL', 'absage.ics')).toMatchObject({ filename: 'absage.ics', method: 'CANCEL' });
  });
});
