import type { TRole } from '../../../contracts/common.js';
import type { TextRef } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import { agencyFacts } from '../../modules/agencies/agencies.service.js';
import { activeCarrierWorkers, activeProviderUsers, activeUsersWithRoles, userContacts } from '../../modules/users/users.service.js';
import { buildInvite, icsAttachment } from '../calendar/ics.js';
import { closeDeadlineRows, closeDeadlines, openDeadline, openDeadlinesOf, type DeadlineInput } from '../deadlines/deadlines.service.js';
import { addWorkingDays, berlinDate, endOfDayBerlin } from '../deadlines/workdays.js';
import type { Ctx } from '../http/context.js';
import type { MailAttachment } from '../mail/outbox.service.js';
import { notify } from '../notify/notify.js';

/*
 * What a step causes around it, in the step's own transaction — the one helper every programme's
 * effects build on: who to tell (roles, a company's or a carrier's staff), in-app notifications with
 * an outbox e-mail (never sent for a rolled-back step), iCalendar invitations, and deadline rows
 * counted in working days with the public holidays of the agency's federal state.
 */

export interface Invitation {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  participantIds: string[];
  link: string;
  kind: string;
  /** Title (`$t(textPart.invite.{{change}})`: the summary) and body as a key with parameters; `change` is added here. */
  text?: TextRef;
}

export function stepEffects(tx: Tx, ctx: Ctx) {
  const agencyId = ctx.actor.agencyId;
  let facts: ReturnType<typeof agencyFacts> | undefined;
  /** The agency's name, federal state and settings, read once per step. */
  const agency = () => (facts ??= agencyFacts(tx, agencyId));
  const others = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x && x !== ctx.actor.userId))];

  /**
   * Tells these users (never the actor), in-app and by e-mail (with these attachments). `text`: the
   * notification as a key (`notice.<kind>`) with parameters, for the web in the user's language.
   */
  const inform = async (
    userIds: (string | null | undefined)[],
    kind: string,
    title: string,
    body: string,
    link: string,
    more: { text?: TextRef; attachments?: MailAttachment[] } = {},
  ) => {
    const ids = others(userIds);
    if (!ids.length) return;
    await notify(tx, agencyId, {
      userIds: ids,
      kind,
      title,
      body,
      link,
      ...(more.text ? { text: more.text } : {}),
      ...(more.attachments ? { mail: { subject: title, text: body, attachments: more.attachments } } : {}),
    });
  };

  return {
    agency,
    inform,
    usersWithRoles: (roles: TRole[]) => activeUsersWithRoles(tx, agencyId, roles),
    providerUsers: (providerId: string) => activeProviderUsers(tx, agencyId, providerId),
    carrierWorkers: (carrierId: string) => activeCarrierWorkers(tx, agencyId, carrierId),

    /** End of the `days`-th working day after `from` (agency's federal state). */
    async dueAfterWorkingDays(days: number, from = new Date()): Promise<Date> {
      const { state } = await agency();
      return endOfDayBerlin(addWorkingDays(berlinDate(from), days, state));
    },

    openDeadline: (d: DeadlineInput) => openDeadline(tx, agencyId, d),
    /** Closes the open deadlines of a subject, all or only these kinds. */
    closeDeadlines: (subjectId: string, kinds: readonly string[] | undefined, status: 'done' | 'cancelled') =>
      closeDeadlines(tx, { subjectId, ...(kinds ? { kinds: [...kinds] } : {}), status, by: ctx.actor.userId }),
    closeDeadlineRows: (ids: string[], status: 'done' | 'cancelled') => closeDeadlineRows(tx, ids, status, ctx.actor.userId),
    openDeadlinesOf: (subjectIds: string[]) => openDeadlinesOf(tx, subjectIds),

    /**
     * Sends an invitation (or its update/cancellation) to every active participant with an in-app
     * notification and an e-mail; the .ics carries the same UID and a higher SEQUENCE on each change.
     */
    async invite(ev: Invitation) {
      const people = await userContacts(tx, agencyId, [...ev.participantIds, ctx.actor.userId]);
      const organizer = people.find((p) => p.id === ctx.actor.userId);
      const attendees = people.filter((p) => ev.participantIds.includes(p.id) && p.active);
      if (!attendees.length) return;
      const ics = buildInvite({
        uid: ev.uid,
        sequence: ev.sequence,
        method: ev.method,
        start: ev.start,
        end: ev.end,
        summary: ev.summary,
        description: ev.description,
        location: ev.location,
        url: ev.url,
        organizer: { name: organizer?.display_name ?? 'Fachstelle', email: organizer?.email ?? 'no-reply@wohnhilfe.local' },
        attendees: attendees.map((p) => ({ name: p.display_name, email: p.email })),
      });
      const title =
        ev.method === 'CANCEL' ? `Abgesagt: ${ev.summary}` : ev.sequence > 0 ? `Geändert: ${ev.summary}` : `Einladung: ${ev.summary}`;
      await notify(tx, agencyId, {
        userIds: attendees.map((p) => p.id),
        kind: ev.kind,
        title,
        body: ev.description,
        link: ev.link,
        ...(ev.text
          ? {
              text: {
                key: ev.text.key,
                params: { ...ev.text.params, change: ev.method === 'CANCEL' ? 'cancelled' : ev.sequence > 0 ? 'changed' : 'invited' },
              },
            }
          : {}),
        mail: {
          subject: title,
          text: ev.description,
          attachments: [icsAttachment(ics, ev.method, ev.method === 'CANCEL' ? 'absage.ics' : 'einladung.ics')],
        },
      });
    },
  };
}
export type StepEffects = ReturnType<typeof stepEffects>;
