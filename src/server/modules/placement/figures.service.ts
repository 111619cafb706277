import { REFUSAL_REASONS } from '../../../contracts/placement.js';
import type { Tx } from '../../db/database.js';
import {
  casePage,
  oneDecimal,
  type FigureCases,
  type FigureContribution,
  type FigureDrillRequest,
  type FigureFamily,
} from '../../platform/steering/figure.contribution.js';
import { drillBase, figuresRepository } from './figures.repository.js';

const REFUSAL_LABELS: Record<(typeof REFUSAL_REASONS)[number], { de: string; en: string }> = {
  location: { de: 'Haushalt: Lage', en: 'Household: location' },
  size: { de: 'Haushalt: Größe', en: 'Household: size' },
  rent: { de: 'Haushalt: Miete', en: 'Household: rent' },
  condition: { de: 'Haushalt: Zustand', en: 'Household: condition' },
  neighbourhood: { de: 'Haushalt: Nachbarschaft', en: 'Household: neighbourhood' },
  health: { de: 'Haushalt: Gesundheit', en: 'Household: health' },
  family: { de: 'Haushalt: Familie', en: 'Household: family' },
  other: { de: 'Haushalt: anderer Grund', en: 'Household: other reason' },
};

/** Bands of months homeless: [key, lower bound inclusive, upper bound exclusive]. */
const BANDS = [
  ['under_6', 0, 6, { de: 'unter 6 Monate', en: 'under 6 months' }],
  ['6_to_12', 6, 12, { de: '6 bis unter 12 Monate', en: '6 to under 12 months' }],
  ['12_to_24', 12, 24, { de: '12 bis unter 24 Monate', en: '12 to under 24 months' }],
  ['24_plus', 24, Infinity, { de: '24 Monate und länger', en: '24 months or longer' }],
] as const;
const bandOf = (months: number | null) => (months === null ? 'unknown' : BANDS.find(([, lo, hi]) => months >= lo && months < hi)![0]);

const FAMILIES: readonly FigureFamily[] = [
  {
    figures: [
      {
        id: 'placement.offers_received',
        title: { de: 'Eingegangene Wohnungsangebote', en: 'Flat offers received' },
        definition: {
          de: 'Wohnungsangebote, die im Zeitraum erstmals eingereicht wurden (Tag der ersten Einreichung), gleich ob später geeignet oder nicht.',
          en: 'Flat offers first submitted in the period (day of first submission), whether later eligible or not.',
        },
        unit: 'count',
        higherIsBetter: true,
      },
      {
        id: 'placement.offers_eligible',
        title: { de: 'Geeignete Wohnungsangebote', en: 'Eligible flat offers' },
        definition: {
          de: 'Wohnungsangebote, die im Zeitraum nach der Prüfung als geeignet freigegeben wurden (Tag der ersten Freigabe), gleich wann sie eingingen.',
          en: 'Flat offers approved as eligible after the check in the period (day of first approval), whenever they came in.',
        },
        unit: 'count',
        higherIsBetter: true,
      },
      {
        id: 'placement.offers_let',
        title: { de: 'Vermittelte Wohnungen', en: 'Flats let' },
        definition: {
          de: 'Angebote, für die im Zeitraum Garantie- und Mietvertrag erfasst wurden (Tag der Erfassung), unabhängig davon, wann das Angebot einging.',
          en: 'Offers whose guarantee contract and lease were recorded in the period (day of recording), whenever the offer came in.',
        },
        unit: 'count',
        higherIsBetter: true,
      },
      {
        id: 'placement.offer_to_lease_days',
        title: { de: 'Tage vom Angebot bis zum Mietvertrag (Median)', en: 'Days from offer to lease (median)' },
        definition: {
          de: 'Für die im Zeitraum vermittelten Wohnungen: Kalendertage von der ersten Einreichung des Angebots bis zur Erfassung der Verträge, der Median.',
          en: 'For the flats let in the period: calendar days from the offer’s first submission to the recording of the contracts, the median.',
        },
        unit: 'days',
        higherIsBetter: false,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const r = await figuresRepository(tx, agencyId).offers(period);
      return {
        'placement.offers_received': { value: r.received },
        'placement.offers_eligible': { value: r.eligible },
        'placement.offers_let': { value: r.let },
        'placement.offer_to_lease_days': { value: oneDecimal(r.median), base: r.timed },
      };
    },
  },
  {
    figures: [
      {
        id: 'placement.declines',
        title: { de: 'Absagen nach Seite und Grund', en: 'Declines by side and reason' },
        definition: {
          de: 'Absagen im Zeitraum (Tag der Absage): Ablehnungen eines Angebots durch den Haushalt nach seinem Grund, Einsprüche des Vermieters gegen einen Haushalt und Angebote, die die Fachstelle als ungeeignet ablehnte. Eine spätere Zusage hebt eine Ablehnung nicht auf.',
          en: 'Declines in the period (day of the decline): refusals of an offer by the household by its reason, the provider’s vetoes against a household and offers the agency declined as not eligible. A later acceptance does not undo a refusal.',
        },
        unit: 'count',
        higherIsBetter: false,
        categories: [
          ...REFUSAL_REASONS.map((r) => ({ key: `household_${r}`, label: REFUSAL_LABELS[r] })),
          { key: 'provider', label: { de: 'Vermieter: Einspruch', en: 'Provider: veto' } },
          { key: 'agency', label: { de: 'Fachstelle: Angebot ungeeignet', en: 'Agency: offer not eligible' } },
        ],
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).declines(period);
      return {
        'placement.declines': { value: rows.reduce((s, r) => s + r.n, 0), breakdown: Object.fromEntries(rows.map((r) => [r.side, r.n])) },
      };
    },
  },
  {
    figures: [
      {
        id: 'placement.placed_by_months_homeless',
        title: { de: 'Vermittelte Haushalte nach Dauer der Wohnungslosigkeit', en: 'Households placed by time homeless' },
        definition: {
          de: 'Haushalte, deren Mietvertrag im Zeitraum erfasst wurde (Tag der Erfassung), nach der Dauer ihrer Wohnungslosigkeit in vollen Monaten laut Rangliste des Angebots; „ohne Angabe“: ohne Eintrag in einer Rangliste ausgewählt.',
          en: 'Households whose lease was recorded in the period (day of recording) by how long they had been homeless in completed months according to the offer’s ranking; “not stated”: picked without a ranking entry.',
        },
        unit: 'count',
        higherIsBetter: true,
        categories: [
          ...BANDS.map(([key, , , label]) => ({ key, label })),
          { key: 'unknown', label: { de: 'ohne Angabe', en: 'not stated' } },
        ],
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).placedByMonths(period);
      const breakdown: Record<string, number> = {};
      for (const r of rows) breakdown[bandOf(r.months)] = (breakdown[bandOf(r.months)] ?? 0) + r.n;
      return { 'placement.placed_by_months_homeless': { value: rows.reduce((s, r) => s + r.n, 0), breakdown } };
    },
  },
];

/** The offers behind any placement figure (with the household placed or refusing, where there is one). */
async function drillPlacement(tx: Tx, req: FigureDrillRequest): Promise<FigureCases> {
  const base = drillBase(req.agencyId, req.figureId, req.period);
  if (!base) return { items: [], total: 0 };
  return casePage(await figuresRepository(tx, req.agencyId).drill(base, req.limit, req.offset), (id) => `/placement/offers/${id}`);
}

/** Placement's figures on the steering dashboard, from the offers' own history; each drillable to the offers. */
export const placementFigures: FigureContribution = {
  module: 'placement',
  reached: {
    definition: {
      de: 'Haushalte, die im Zeitraum erstmals als Kandidat für ein Wohnungsangebot vorgeschlagen wurden (Tag der Aufnahme in die Auswahl); jeder Haushalt zählt einmal.',
      en: 'Households first put forward as a candidate for a flat offer in the period (day of shortlisting); each household counts once.',
    },
    households: (tx, { agencyId, period }) => figuresRepository(tx, agencyId).reached(period),
  },
  workload: {
    openCases: {
      de: 'Wohnungsangebote in Bearbeitung (eingereicht, in Auswahl, Runder Tisch, zugeteilt), bei der zuständigen Fallmanagerin.',
      en: 'Flat offers in progress (submitted, shortlisting, round table, allocated), for the responsible case manager.',
    },
    deadlineSubjects: ['offer', 'candidate'],
    open: (tx, agencyId) => figuresRepository(tx, agencyId).openByPerson(),
  },
  families: FAMILIES.map((f) => ({ ...f, drill: drillPlacement })),
};
