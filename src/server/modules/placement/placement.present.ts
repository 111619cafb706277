import type { TextParams } from '../../db/types.js';
import type { Selectable } from 'kysely';
import type { TRole } from '../../../contracts/common.js';
import type { TCandidate, TConditions, TOffer, TOfferCheck, TCandidateState } from '../../../contracts/placement.js';
import { formatEuro, formatGermanDate, formatGermanDateTime } from '../../../contracts/format.js';
import type { ProgrammeConditionsTable } from '../../db/types.js';
import type { CandidateRow, RoundTableRow, ViewingRow } from './candidates.repository.js';
import { CANDIDATE_STEPS, OFFER_STEPS, stepsFor } from './placement.machine.js';
import type { OfferRow } from './placement.repository.js';

const iso = (d: Date) => d.toISOString();
const ref = (id: string | null, name: string | null | undefined) => (id ? { id, displayName: name ?? '' } : null);
type Names = Map<string, string>;

export interface OfferExtras {
  attachments: { id: string; filename: string; content_type: string; size_bytes: number; created_at: Date }[];
  documents: { id: string; kind: string; filename: string; created_at: Date }[];
  deadlines: { id: string; kind: string; title: string; due_at: Date; title_key?: string | null; title_params?: TextParams | null }[];
  tenancyId: string | null;
}

export function presentOffer(o: OfferRow, role: TRole, x: OfferExtras, now = new Date()): TOffer {
  const provider = role === 'provider_user';
  return {
    id: o.id,
    reference: o.reference,
    provider: { id: o.provider_id, name: o.provider_name },
    status: o.status as TOffer['status'],
    street: o.street,
    postalCode: o.postal_code,
    city: o.city,
    district: o.district,
    floor: o.floor,
    lift: o.lift,
    livingSpace: Number(o.living_space),
    rooms: Number(o.rooms),
    coldRentCents: o.cold_rent_cents,
    serviceChargesCents: o.service_charges_cents,
    heatingCents: o.heating_cents,
    warmRentCents: o.cold_rent_cents + o.service_charges_cents + o.heating_cents,
    heatingType: o.heating_type,
    depositCents: o.deposit_cents,
    equipment: o.equipment as TOffer['equipment'],
    stepFree: o.step_free,
    wheelchair: o.wheelchair,
    availableFrom: o.available_from,
    petsAllowed: o.pets_allowed,
    preferred: o.preferred as TOffer['preferred'],
    hints: o.hints,
    check: (o.check_result as TOfferCheck | null) ?? null,
    declineReason: o.decline_reason,
    round: o.round,
    caseManager: ref(o.case_manager_id, o.case_manager_name),
    attachments: x.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      createdAt: iso(a.created_at),
    })),
    documents: x.documents.map((d) => ({ id: d.id, kind: d.kind, filename: d.filename, createdAt: iso(d.created_at) })),
    // Deadlines are the office's work list; a housing company sees dates through the meetings.
    deadlines: provider
      ? []
      : x.deadlines.map((d) => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          titleKey: d.title_key ?? null,
          titleParams: d.title_params ?? null,
          dueAt: iso(d.due_at),
          overdue: d.due_at <= now,
        })),
    tenancyId: x.tenancyId,
    version: o.version,
    createdAt: iso(o.created_at),
    updatedAt: iso(o.updated_at),
    actions: stepsFor(OFFER_STEPS, o.status as TOffer['status'], role),
  };
}

export function presentViewing(v: ViewingRow, names: Names) {
  return {
    id: v.id,
    candidateId: v.candidate_id,
    startsAt: iso(v.starts_at),
    endsAt: iso(v.ends_at),
    place: v.place,
    attendees: v.attendee_ids.map((id) => ({ id, displayName: names.get(id) ?? '' })),
    status: v.status as 'scheduled' | 'held' | 'cancelled',
    outcome: v.outcome,
    version: v.version,
  };
}

export function presentCandidate(
  c: CandidateRow,
  role: TRole,
  offerStatus: string,
  consent: TCandidate['consent'],
  viewings: ViewingRow[],
  names: Names,
): TCandidate {
  const offerOpen = ['shortlisting', 'round_table'].includes(offerStatus);
  return {
    id: c.id,
    offerId: c.offer_id,
    round: c.round,
    household: { id: c.household_id, reference: c.reference, name: c.head_name, persons: c.persons },
    pseudonym: c.pseudonym,
    rank: c.rank,
    score: c.score === null ? null : Number(c.score),
    status: c.status as TCandidateState,
    comment: c.comment,
    moveInFrom: c.move_in_from,
    pickedBy: ref(c.picked_by, c.picked_by_name),
    consent,
    refusalReason: c.refusal_reason as TCandidate['refusalReason'],
    refusalText: c.refusal_text,
    vetoReason: c.veto_reason,
    decisionDueAt: c.decision_due_at ? iso(c.decision_due_at) : null,
    viewings: viewings.filter((v) => v.candidate_id === c.id).map((v) => presentViewing(v, names)),
    version: c.version,
    actions: offerOpen ? stepsFor(CANDIDATE_STEPS, c.status as TCandidateState, role).filter((s) => s !== 'release') : [],
  };
}

/** The allow-listed view of a candidate for the housing company (see PORTAL_FIELDS). */
export function presentPortalCandidate(c: CandidateRow, offerStatus: string, viewings: ViewingRow[]) {
  const offerOpen = ['shortlisting', 'round_table'].includes(offerStatus);
  return {
    id: c.id,
    pseudonym: c.pseudonym,
    firstName: c.first_name ?? '',
    persons: c.persons,
    adults: c.persons - c.children,
    children: c.children,
    pets: c.pets,
    moveInFrom: c.move_in_from,
    status: c.status as TCandidateState,
    viewings: viewings
      .filter((v) => v.candidate_id === c.id)
      .map((v) => ({
        id: v.id,
        startsAt: iso(v.starts_at),
        endsAt: iso(v.ends_at),
        place: v.place,
        status: v.status as 'scheduled' | 'held' | 'cancelled',
      })),
    actions: offerOpen ? stepsFor(CANDIDATE_STEPS, c.status as TCandidateState, 'provider_user') : [],
  };
}

export function presentRoundTable(r: RoundTableRow, names: Names) {
  return {
    id: r.id,
    offerId: r.offer_id,
    round: r.round,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    participants: r.participant_ids.map((id) => ({ id, displayName: names.get(id) ?? '' })),
    videoUrl: r.video_url,
    status: r.status as 'scheduled' | 'held' | 'cancelled',
    minutes: r.minutes,
    sequence: r.sequence,
    version: r.version,
  };
}

export function presentConditions(
  r: Selectable<ProgrammeConditionsTable> & { created_by_name?: string | null },
  currentId: string | null,
): TConditions {
  return {
    id: r.id,
    validFrom: r.valid_from,
    rentCaps: [...r.rent_caps].sort((a, b) => a.persons - b.persons),
    extraPersonCents: r.extra_person_cents,
    spaceBaseSqm: Number(r.space_base_sqm),
    spacePerPersonSqm: Number(r.space_per_person_sqm),
    requiredEquipment: r.required_equipment as TConditions['requiredEquipment'],
    note: r.note,
    createdAt: iso(r.created_at),
    createdBy: ref(r.created_by, r.created_by_name),
    current: r.id === currentId,
  };
}

const REFUSAL_LABELS: Record<string, string> = {
  location: 'Lage',
  size: 'Größe',
  rent: 'Miete',
  condition: 'Zustand der Wohnung',
  neighbourhood: 'Nachbarschaft',
  health: 'Gesundheit',
  family: 'Familiäre Gründe',
  other: 'Sonstiges',
};

/** The German line of the offer timeline for one event; provider views never name a household. */
export function eventText(kind: string, d: Record<string, unknown>, providerView: boolean): string {
  const who = providerView || !d.household ? String(d.pseudonym ?? '') : `${String(d.pseudonym ?? '')} (${String(d.household)})`;
  const at = (k: string) => (typeof d[k] === 'string' ? formatGermanDateTime(d[k] as string) : '');
  switch (kind) {
    case 'created':
      return 'Angebot erfasst';
    case 'updated':
      return 'Angebot geändert';
    case 'submitted':
      return 'Angebot eingereicht';
    case 'checked':
      return d.eligible ? 'Programmbedingungen geprüft: erfüllt' : 'Programmbedingungen geprüft: nicht erfüllt';
    case 'approved':
      return 'Angebot angenommen, Vorauswahl beginnt';
    case 'declined':
      return `Angebot abgelehnt: ${String(d.reason ?? '')}`;
    case 'withdrawn':
      return `Angebot zurückgezogen: ${String(d.reason ?? '')}`;
    case 'ranked':
      return `Rangfolge erstellt: ${String(d.eligible ?? 0)} passende von ${String(d.pool ?? 0)} Haushalten`;
    case 'picked':
      return `${who} in die Vorauswahl aufgenommen`;
    case 'candidate_withdrawn':
      return `${who} aus der Vorauswahl genommen`;
    case 'presented':
      return `${who} dem Wohnungsunternehmen vorgestellt (Einwilligung liegt vor)`;
    case 'round_table_scheduled':
      return `Runder Tisch geplant für ${at('startsAt')}`;
    case 'round_table_updated':
      return `Runder Tisch verlegt auf ${at('startsAt')}`;
    case 'round_table_cancelled':
      return 'Runder Tisch abgesagt';
    case 'round_table_minutes':
      return 'Protokoll des runden Tischs erfasst';
    case 'viewing_scheduled':
      return `Besichtigung mit ${who} am ${at('startsAt')}`;
    case 'viewing_updated':
      return `Besichtigung mit ${who} verlegt auf ${at('startsAt')}`;
    case 'viewing_cancelled':
      return `Besichtigung mit ${who} abgesagt`;
    case 'viewing_recorded':
      return `Besichtigung mit ${who} fand statt; Entscheidung bis ${formatGermanDate(d.dueAt as string)}`;
    case 'accepted':
      return `${who} hat zugesagt`;
    case 'refused':
      return providerView
        ? `${who} hat abgesagt`
        : `${who} hat abgesagt: ${REFUSAL_LABELS[String(d.reason)] ?? ''}${d.text ? ` – ${String(d.text)}` : ''}`;
    case 'talk':
      return `Nachgespräch mit ${who} geführt`;
    case 'vetoed':
      return `Veto des Wohnungsunternehmens gegen ${who}: ${String(d.reason ?? '')}`;
    case 'allocated':
      return `Wohnung an ${who} vergeben`;
    case 'released':
      return `${who} nicht ausgewählt, zurück im Pool`;
    case 'contracts':
      return `Garantievertrag und Mietvertrag erfasst; Mietbeginn ${formatGermanDate(d.leaseStart as string)}, Garantie bis ${formatGermanDate(d.guaranteeEnd as string)} (höchstens ${formatEuro(Number(d.guaranteeMaxCents ?? 0))})`;
    case 'restarted':
      return `Kein Mietvertrag zustande gekommen – neue Vorauswahl (Runde ${String(d.round ?? '')}): ${String(d.reason ?? '')}`;
    case 'attachment_added':
      return `Anhang hinzugefügt: ${String(d.filename ?? '')}`;
    case 'attachment_removed':
      return `Anhang entfernt: ${String(d.filename ?? '')}`;
    default:
      return kind;
  }
}
