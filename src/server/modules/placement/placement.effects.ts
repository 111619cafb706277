import { agencySettings } from '../../platform/auth/guard.js';
import { buildInvite, icsAttachment } from '../../platform/calendar/ics.js';
import { closeDeadlines, openDeadline } from '../../platform/deadlines/deadlines.js';
import { addWorkingDays, berlinDate, endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { notify } from '../../platform/notify/notify.js';
import type { OfferRow } from './placement.repository.js';

/*
 * What placement steps cause around them, in the step's own transaction: in-app notifications
 * and outbox e-mails (never sent for a rolled-back step), iCalendar invitations, and deadlines
 * counted in working days with the public holidays of the agency's federal state.
 */

export const offerLink = (offerId: string) => `/placement/offers/${offerId}`;

export function placementEffects(tx: Tx, ctx: Ctx) {
  const agencyId = ctx.actor.agencyId;

  const agency = () =>
    tx.selectFrom('agencies').select(['name', 'federal_state', 'settings']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  const usersWithRoles = async (roles: string[]) =>
    (
      await tx
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('active', '=', true)
        .where('role', 'in', roles)
        .execute()
    ).map((u) => u.id);
  const providerUsers = async (providerId: string) =>
    (
      await tx
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('active', '=', true)
        .where('provider_id', '=', providerId)
        .execute()
    ).map((u) => u.id);
  const others = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x && x !== ctx.actor.userId))];

  const inform = async (userIds: (string | null)[], kind: string, title: string, body: string, link: string) => {
    const ids = others(userIds);
    if (ids.length) await notify(tx, agencyId, { userIds: ids, kind, title, body, link });
  };

  return {
    async settings() {
      const a = await agency();
      return { agencyName: a.name, state: a.federal_state as FederalState, placement: agencySettings(a.settings).placement };
    },

    /** End of the `days`-th working day after `from` (agency's federal state). */
    async dueAfterWorkingDays(from: Date, days: number): Promise<Date> {
      const { federal_state } = await agency();
      return endOfDayBerlin(addWorkingDays(berlinDate(from), days, federal_state as FederalState));
    },

    /** A submitted offer is acted on at once: the office is told and a check deadline opens. */
    async offerSubmitted(offerId: string, reference: string, caseManagerId: string | null) {
      const a = await agency();
      const days = agencySettings(a.settings).placement.checkWorkingDays;
      await openDeadline(tx, agencyId, {
        subjectType: 'offer',
        subjectId: offerId,
        kind: 'offer_check',
        title: `Angebot ${reference} prüfen`,
        link: offerLink(offerId),
        dueAt: endOfDayBerlin(addWorkingDays(berlinDate(new Date()), days, a.federal_state as FederalState)),
        assigneeId: caseManagerId,
      });
      await inform(
        await usersWithRoles(['case_manager', 'lead']),
        'offer.submitted',
        `Neues Wohnungsangebot ${reference}`,
        'Ein Wohnungsunternehmen hat ein Angebot eingereicht. Bitte die Programmbedingungen prüfen.',
        offerLink(offerId),
      );
    },

    toProvider: async (o: OfferRow, title: string, body: string) =>
      inform(await providerUsers(o.provider_id), 'offer.provider', `${title} (${o.reference})`, body, offerLink(o.id)),

    toOffice: async (o: OfferRow, title: string, body: string) =>
      inform(
        o.case_manager_id ? [o.case_manager_id] : await usersWithRoles(['case_manager', 'lead']),
        'offer.office',
        `${title} (${o.reference})`,
        body,
        offerLink(o.id),
      ),

    inform,
    providerUsers,

    /** Cancels or completes every open deadline of an offer and the given candidates. */
    async closeOfferDeadlines(offerId: string, candidateIds: string[], status: 'done' | 'cancelled') {
      for (const id of [offerId, ...candidateIds]) await closeDeadlines(tx, { subjectId: id, status, by: ctx.actor.userId });
    },
    closeDeadlines: (subjectId: string, kinds: string[], status: 'done' | 'cancelled') =>
      closeDeadlines(tx, { subjectId, kinds, status, by: ctx.actor.userId }),
    openDeadline: (d: Parameters<typeof openDeadline>[2]) => openDeadline(tx, agencyId, d),

    /**
     * Sends an invitation (or its update/cancellation) to every participant with an e-mail, and an
     * in-app notification; the .ics carries the same UID and a higher SEQUENCE on each change.
     */
    async invite(ev: {
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
    }) {
      const people = await tx
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'active'])
        .where('agency_id', '=', agencyId)
        .where('id', 'in', [...new Set([...ev.participantIds, ctx.actor.userId])])
        .execute();
      const organizer = people.find((p) => p.id === ctx.actor.userId);
      const attendees = people.filter((p) => ev.participantIds.includes(p.id) && p.active);
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
      const ids = attendees.map((p) => p.id);
      if (!ids.length) return;
      await notify(tx, agencyId, {
        userIds: ids,
        kind: ev.kind,
        title,
        body: ev.description,
        link: ev.link,
        mail: {
          subject: title,
          text: ev.description,
          attachments: [icsAttachment(ics, ev.method, ev.method === 'CANCEL' ? 'absage.ics' : 'einladung.ics')],
        },
      });
    },
  };
}
export type PlacementEffects = ReturnType<typeof placementEffects>;
