import type { TextRef } from '../../../contracts/notify.js';
import { formatGermanDate, isoDateIn } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { stepEffects } from '../../platform/effects/effects.js';
import type { Ctx } from '../../platform/http/context.js';
import { addMonths } from './ledger.js';

/*
 * What sustainment steps cause around them, on the shared step effects (platform/effects): the
 * office and the housing company told, deadlines counted in working days of the agency's federal
 * state (settings `sustainment`).
 */

export const tenancyLink = (id: string) => `/sustainment/tenancies/${id}`;
export const incidentLink = (id: string) => `/sustainment/incidents/${id}`;
export const householdLink = (id: string) => `/households/${id}`;
/** "Today" in the office's time zone, as YYYY-MM-DD. */
export const today = () => isoDateIn(new Date());

/** Every deadline kind an incident may have open; closing all of them ends its work. */
export const INCIDENT_DEADLINES = [
  'incident_forward',
  'incident_clarify',
  'incident_inform_provider',
  'incident_recheck',
  'incident_payout',
  'incident_assignment',
  'incident_contact',
] as const;
export const GUARANTEE_DEADLINES = ['guarantee_reminder', 'closing_review'] as const;

export function sustainmentEffects(tx: Tx, ctx: Ctx) {
  const fx = stepEffects(tx, ctx);
  return {
    ...fx,
    async settings() {
      const a = await fx.agency();
      return { state: a.state, sustainment: a.settings.sustainment, placement: a.settings.placement };
    },
    /** The contact person, or the leads when a tenancy has none: someone in the office always hears. */
    office: async (contactPersonId: string | null) => (contactPersonId ? [contactPersonId] : fx.usersWithRoles(['lead'])),
    toProvider: async (providerId: string, kind: string, title: string, body: string, link: string, more: { text?: TextRef } = {}) =>
      fx.inform(await fx.providerUsers(providerId), kind, title, body, link, more),
  };
}
export type SustainmentEffects = ReturnType<typeof sustainmentEffects>;

export interface NewTenancyFacts {
  id: string;
  reference: string;
  guarantee_end: string;
  contact_person_id: string | null;
  household_id: string;
}

/**
 * Called whenever a tenancy comes into being (direct entry here, and placement's contracts step):
 * opens the guarantee reminders (settings `guaranteeReminderMonths`, default 6 and 1 months before
 * the end; only those still ahead) and the closing review on the guarantee's last day.
 */
export async function onTenancyCreated(tx: Tx, ctx: Ctx, t: NewTenancyFacts): Promise<void> {
  const fx = sustainmentEffects(tx, ctx);
  const { sustainment } = await fx.settings();
  const now = new Date();
  const end = formatGermanDate(t.guarantee_end);
  for (const months of [...new Set(sustainment.guaranteeReminderMonths)].sort((a, b) => b - a)) {
    const dueAt = endOfDayBerlin(addMonths(t.guarantee_end, -months));
    if (dueAt <= now) continue;
    await fx.openDeadline({
      subjectType: 'tenancy',
      subjectId: t.id,
      householdId: t.household_id,
      kind: 'guarantee_reminder',
      link: tenancyLink(t.id),
      dueAt,
      assigneeId: t.contact_person_id,
      escalateToLead: false,
      title: `Garantie ${t.reference} endet am ${end} (noch ${months} ${months === 1 ? 'Monat' : 'Monate'}): Abschlussbewertung vorbereiten`,
      text: { key: 'deadlineTitle.guarantee_reminder', params: { reference: t.reference, endOn: t.guarantee_end, count: months } },
    });
  }
  const closingDue = endOfDayBerlin(t.guarantee_end);
  if (closingDue > now) {
    await fx.openDeadline({
      subjectType: 'tenancy',
      subjectId: t.id,
      householdId: t.household_id,
      kind: 'closing_review',
      link: tenancyLink(t.id),
      dueAt: closingDue,
      assigneeId: t.contact_person_id,
      title: `Abschlussbewertung ${t.reference}: Garantie endet am ${end}`,
      text: { key: 'deadlineTitle.closing_review', params: { reference: t.reference, endOn: t.guarantee_end } },
    });
  }
}
