import type { TextRef } from '../../../contracts/notify.js';
import type { Tx } from '../../db/database.js';
import { stepEffects } from '../../platform/effects/effects.js';
import type { Ctx } from '../../platform/http/context.js';
import type { OfferRow } from './placement.repository.js';

/*
 * What placement steps cause around them, on the shared step effects (platform/effects): the
 * office and the housing company told, the offer's check deadline opened, deadlines closed.
 */

export const offerLink = (offerId: string) => `/placement/offers/${offerId}`;

const withOffer = (o: OfferRow, { text }: { text?: TextRef }) =>
  text ? { text: { key: text.key, params: { ...text.params, offer: o.reference } } } : {};

export function placementEffects(tx: Tx, ctx: Ctx) {
  const fx = stepEffects(tx, ctx);
  const office = () => fx.usersWithRoles(['case_manager', 'lead']);

  return {
    ...fx,
    async settings() {
      const a = await fx.agency();
      return { agencyName: a.name, state: a.state, placement: a.settings.placement };
    },

    /** A submitted offer is acted on at once: the office is told and a check deadline opens. */
    async offerSubmitted(offerId: string, reference: string, caseManagerId: string | null) {
      const a = await fx.agency();
      await fx.openDeadline({
        subjectType: 'offer',
        subjectId: offerId,
        kind: 'offer_check',
        title: `Angebot ${reference} prüfen`,
        text: { key: 'deadlineTitle.offer_check', params: { offer: reference } },
        link: offerLink(offerId),
        dueAt: await fx.dueAfterWorkingDays(a.settings.placement.checkWorkingDays),
        assigneeId: caseManagerId,
      });
      await fx.inform(
        await office(),
        'offer.submitted',
        `Neues Wohnungsangebot ${reference}`,
        'Ein Wohnungsunternehmen hat ein Angebot eingereicht. Bitte die Programmbedingungen prüfen.',
        offerLink(offerId),
        { text: { key: 'notice.offerSubmitted', params: { offer: reference } } },
      );
    },

    /** `text`: the notice's key; its texts get the offer's reference as `offer`. */
    toProvider: async (o: OfferRow, title: string, body: string, more: { text?: TextRef } = {}) =>
      fx.inform(
        await fx.providerUsers(o.provider_id),
        'offer.provider',
        `${title} (${o.reference})`,
        body,
        offerLink(o.id),
        withOffer(o, more),
      ),

    toOffice: async (o: OfferRow, title: string, body: string, more: { text?: TextRef } = {}) =>
      fx.inform(
        o.case_manager_id ? [o.case_manager_id] : await office(),
        'offer.office',
        `${title} (${o.reference})`,
        body,
        offerLink(o.id),
        withOffer(o, more),
      ),

    /** Cancels or completes every open deadline of an offer and the given candidates. */
    async closeOfferDeadlines(offerId: string, candidateIds: string[], status: 'done' | 'cancelled') {
      for (const id of [offerId, ...candidateIds]) await fx.closeDeadlines(id, undefined, status);
    },
  };
}
export type PlacementEffects = ReturnType<typeof placementEffects>;
