import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from '../../db/types.js';

/**
 * iCalendar invitations (RFC 5545 / iTIP RFC 5546) for round tables, viewings and appointments.
 *
 * Times are written as local times of the agency's zone with a TZID (`DTSTART;TZID=Europe/Berlin:
 * 20261201T100000`) and the matching VTIMEZONE block (RFC 5545 §3.2.19, §3.6.5) with the zone's
 * daylight-saving rules: calendar clients show such times more reliably than bare UTC instants.
 * The VTIMEZONE comes from @touch4it/ical-timezones (the generator ical-generator documents); the
 * wall-clock time from @date-fns/tz, so the server's own clock zone never leaks into the file.
 */

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface Person {
  name: string;
  email: string;
}

export interface Invite {
  /** Stable per appointment (e.g. `round_tables.ics_uid`): updates and cancellation reuse it. */
  uid: string;
  /** 0 for the first invitation; every update or cancellation must send a higher number. */
  sequence: number;
  method: InviteMethod;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** Video-conference link: written as URL and repeated in the description. */
  url?: string;
  organizer: Person;
  attendees: Person[];
  /** IANA zone of DTSTART/DTEND (with its VTIMEZONE) and of the readable time in the description; default Europe/Berlin. */
  timezone?: string;
}

const PROD_ID = { company: 'wohnhilfe', product: 'wohnhilfe', language: 'DE' } as const;

/** A double quote cannot appear inside a quoted parameter value (CN="…"), RFC 5545 §3.1. */
const cn = (name: string) =>
  name
    .replace(/"/g, "'")
    .replace(/[\r\n]+/g, ' ')
    .trim();

/** "Dienstag, 01.12.2026, 10:00–11:30 Uhr" in the given zone (end date repeated when it differs). */
export function readableTime(start: Date, end: Date, timeZone = 'Europe/Berlin'): string {
  const day = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone });
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)} Uhr`
    : `${day.format(start)}, ${time.format(start)} Uhr – ${day.format(end)}, ${time.format(end)} Uhr`;
}

function check(ev: Invite): void {
  if (!ev.uid.trim()) throw new Error('ics: uid is required');
  if (!Number.isInteger(ev.sequence) || ev.sequence < 0) throw new Error('ics: sequence must be a non-negative integer');
  if (Number.isNaN(ev.start.getTime()) || Number.isNaN(ev.end.getTime())) throw new Error('ics: invalid start or end');
  if (ev.end.getTime() <= ev.start.getTime()) throw new Error('ics: end must be after start');
  if (!ev.organizer.email) throw new Error('ics: organizer e-mail is required');
  if (!getVtimezoneComponent(zoneOf(ev))) throw new Error(`ics: unknown time zone ${zoneOf(ev)}`);
}

const zoneOf = (ev: Invite): string => ev.timezone ?? 'Europe/Berlin';

/** The text shown as DESCRIPTION: the caller's text, the readable time and the video link. */
function descriptionOf(ev: Invite): string {
  const parts: string[] = [];
  if (ev.method === 'CANCEL') parts.push('Dieser Termin wurde abgesagt.');
  if (ev.description?.trim()) parts.push(ev.description.trim());
  parts.push(`Termin: ${readableTime(ev.start, ev.end, zoneOf(ev))}`);
  if (ev.location?.trim()) parts.push(`Ort: ${ev.location.trim()}`);
  if (ev.url) parts.push(`Videokonferenz: ${ev.url}`);
  return parts.join('\n\n');
}

/**
 * One VCALENDAR with one VTIMEZONE and one VEVENT: METHOD, UID, SEQUENCE, DTSTAMP (UTC), start and
 * end as local times with TZID, ORGANIZER, ATTENDEEs
 * with RSVP (on REQUEST), STATUS:CONFIRMED or STATUS:CANCELLED. CRLF line ends, lines folded at
 * 75 octets without splitting a UTF-8 character (ical-generator's folding).
 */
export function buildInvite(ev: Invite): string {
  check(ev);
  const cancel = ev.method === 'CANCEL';
  const zone = zoneOf(ev);
  const cal = ical({
    prodId: PROD_ID,
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: DTSTAMP stays UTC as RFC 5545 requires; the generator writes the event's VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const event = cal.createEvent({
    id: ev.uid,
    sequence: ev.sequence,
    stamp: new Date(),
    timezone: zone,
    start: new TZDate(ev.start.getTime(), zone),
    end: new TZDate(ev.end.getTime(), zone),
    summary: cancel ? `Abgesagt: ${ev.summary}` : ev.summary,
    description: descriptionOf(ev),
    location: ev.location?.trim() || null,
    url: ev.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: cn(ev.organizer.name), email: ev.organizer.email },
  });
  for (const a of ev.attendees) {
    event.createAttendee({
      name: cn(a.name),
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancel,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  return `${cal.toString()}\r\n`;
}

/** The invitation as a mail attachment (base64), with the iTIP method for the MIME part. */
export function icsAttachment(ics: string, method: InviteMethod, filename = 'einladung.ics'): MailAttachment {
  return {
    filename,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(ics, 'utf8').toString('base64'),
    method,
  };
}
