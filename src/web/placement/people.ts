import { useTranslation } from 'react-i18next';
import { useStaff } from '../households/queries';
import { useOfferEvents, type OfferEvent } from './queries';

export interface Person {
  id: string;
  displayName: string;
  group: 'staff' | 'provider';
}

/**
 * The housing company's people known on this offer: actors of its timeline who are not office
 * staff (only staff and the company's users act on an offer). The API has no list of a company's
 * users for office staff yet; this keeps the company invitable until it has.
 */
export function providerContacts(events: readonly OfferEvent[], staffIds: ReadonlySet<string>): Person[] {
  const seen = new Map<string, Person>();
  for (const e of events) {
    if (e.actor && !staffIds.has(e.actor.id) && !seen.has(e.actor.id))
      seen.set(e.actor.id, { id: e.actor.id, displayName: e.actor.displayName, group: 'provider' });
  }
  return [...seen.values()];
}

/** Everyone who can be invited to a viewing or round table of this offer, with role labels. */
export function usePeople(offerId: string) {
  const { t } = useTranslation();
  const staff = useStaff();
  const events = useOfferEvents(offerId);
  const staffPeople: Person[] = (staff.data ?? []).map((s) => ({
    id: s.id,
    displayName: `${s.displayName} (${t(`roles.${s.role}`)})`,
    group: 'staff',
  }));
  const contacts = providerContacts(events.data ?? [], new Set(staffPeople.map((p) => p.id)));
  return { people: [...staffPeople, ...contacts], isPending: staff.isPending || events.isPending };
}
