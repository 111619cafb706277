import { MOVE_OUT_REASONS, type TMoveOutReason } from '../../../contracts/accommodationStays.js';
import { HOUSEHOLD_TYPES } from '../../../contracts/aftercareReports.js';
import type { Tx } from '../../db/database.js';
import {
  casePage,
  oneDecimal,
  share,
  type FigureCases,
  type FigureContribution,
  type FigureDeclaration,
  type FigureDrillRequest,
  type FigureFamily,
} from '../../platform/steering/figure.contribution.js';
import { drillBase, figuresRepository } from './figures.repository.js';

const END_LABELS: Record<TMoveOutReason, { de: string; en: string }> = {
  own_flat: { de: 'Eigene Wohnung', en: 'Own flat' },
  other_facility: { de: 'Andere Unterkunft (Verlegung)', en: 'Other facility (transfer)' },
  left_unknown: { de: 'Unbekannt verzogen', en: 'Left, whereabouts unknown' },
  hospital: { de: 'Krankenhaus', en: 'Hospital' },
  prison: { de: 'Haft', en: 'Prison' },
  deceased: { de: 'Verstorben', en: 'Deceased' },
  other: { de: 'Anderer Grund', en: 'Other reason' },
};

const TYPE_LABELS: Record<(typeof HOUSEHOLD_TYPES)[number], { de: string; en: string }> = {
  single: { de: 'Alleinlebende', en: 'single persons' },
  single_parent: { de: 'Alleinerziehende', en: 'single parents' },
  couple_children: { de: 'Paare/Familien mit Kindern', en: 'couples/families with children' },
  multi_no_children: { de: 'Mehrpersonenhaushalte ohne Kinder', en: 'multi-person households without children' },
};

const stayDays = (type: (typeof HOUSEHOLD_TYPES)[number]): FigureDeclaration => ({
  id: `accommodation.stay_days_${type}`,
  title: { de: `Aufenthaltsdauer: ${TYPE_LABELS[type].de} (Median)`, en: `Length of stay: ${TYPE_LABELS[type].en} (median)` },
  definition: {
    de: `Aufenthalte von ${TYPE_LABELS[type].de}, die im Zeitraum endeten (Tag des letzten Auszugs; Verlegungen zwischen Unterkünften bleiben ein Aufenthalt, aufgehobene Zuweisungen zählen nicht): Kalendertage vom ersten Einzug bis zum Auszug, der Median. Haushaltstyp nach Personen und Kindern des Haushalts.`,
    en: `Stays of ${TYPE_LABELS[type].en} that ended in the period (day of the last move-out; transfers between facilities remain one stay, cancelled assignments do not count): calendar days from the first move-in to the move-out, the median. Household type from the household's persons and children.`,
  },
  unit: 'days',
  higherIsBetter: false,
});

const FAMILIES: readonly FigureFamily[] = [
  {
    figures: [
      {
        id: 'accommodation.occupancy',
        title: { de: 'Auslastung der Unterkünfte', en: 'Occupancy of the facilities' },
        definition: {
          de: 'Durchschnittlich belegte Plätze im Zeitraum durch die Plätze aller Unterkünfte, in %: belegte Platz-Nächte (eine Nacht je Person und Platz; der Ankunftstag zählt, der Auszugstag nicht; zugewiesene Plätze zählen ab dem Zuweisungstag) durch Plätze × Kalendertage des Zeitraums. Plätze nach heutigem Stand.',
          en: 'Average places occupied in the period over the places of all facilities, in %: occupied place-nights (one night per person and place; the day of arrival counts, the day of departure does not; assigned places count from the day of assignment) over places × calendar days of the period. Places as recorded today.',
        },
        unit: 'share',
        higherIsBetter: true,
      },
      {
        id: 'accommodation.cost_per_night',
        title: { de: 'Kosten je Person und Nacht', en: 'Cost per person and night' },
        definition: {
          de: 'Für die Nächte im Zeitraum: jede Nacht einer Person mit dem an diesem Tag gültigen Tagessatz des Vertrags der Unterkunft (datierte Sätze), die Summe durch die Zahl dieser Nächte, in Euro. Nächte ohne Vertrag oder vor dem ersten Satz bleiben außer Betracht; Eigenanteile sind nicht abgezogen.',
          en: 'For the nights in the period: each night of a person at the day rate of the facility’s contract in force on that day (dated rates), the sum over the number of these nights, in euros. Nights without a contract or before its first rate are left out; own contributions are not deducted.',
        },
        unit: 'euros',
        higherIsBetter: false,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const repo = figuresRepository(tx, agencyId);
      const [occ, cost] = await Promise.all([repo.occupancy(period), repo.cost(period)]);
      const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
      return {
        'accommodation.occupancy': { value: share(occ.nights, occ.places * days), base: occ.places },
        'accommodation.cost_per_night': {
          value: cost.nights > 0 ? Math.round(Number(cost.cents) / cost.nights) / 100 : null,
          base: cost.households,
        },
      };
    },
  },
  {
    figures: [
      {
        id: 'accommodation.newly_placed',
        title: { de: 'Neu untergebrachte Haushalte', en: 'Households newly placed' },
        definition: {
          de: 'Haushalte, die im Zeitraum in eine Unterkunft eingezogen sind (Tag des Einzugs), ohne Verlegungen aus einer anderen Unterkunft; jeder Haushalt zählt einmal.',
          en: 'Households that moved into a facility in the period (day of move-in), without transfers from another facility; each household counts once.',
        },
        unit: 'count',
        higherIsBetter: false,
      },
      {
        id: 'accommodation.ends',
        title: { de: 'Auszüge nach Grund', en: 'Ends of stay by reason' },
        definition: {
          de: 'Zuweisungen, die im Zeitraum mit einem Auszug endeten (Tag des Auszugs), nach dem Grund; eine Verlegung in eine andere Unterkunft zählt als eigener Grund.',
          en: 'Assignments that ended with a move-out in the period (day of move-out), by reason; a transfer to another facility counts as a reason of its own.',
        },
        unit: 'count',
        higherIsBetter: true,
        categories: MOVE_OUT_REASONS.map((key) => ({ key, label: END_LABELS[key] })),
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).movements(period);
      const ends = Object.fromEntries(rows.filter((r) => r.dim === 'end' && r.key !== null).map((r) => [r.key!, r.n]));
      return {
        'accommodation.newly_placed': { value: rows.find((r) => r.dim === 'placed')?.n ?? 0 },
        'accommodation.ends': { value: Object.values(ends).reduce((s, n) => s + n, 0), breakdown: ends },
      };
    },
  },
  {
    figures: HOUSEHOLD_TYPES.map(stayDays),
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).stayLengths(period);
      return Object.fromEntries(
        HOUSEHOLD_TYPES.map((t) => {
          const r = rows.find((x) => x.household_type === t);
          return [`accommodation.stay_days_${t}`, { value: r ? oneDecimal(r.median) : null, base: r?.n ?? 0 }];
        }),
      );
    },
  },
];

/** The assignments behind any accommodation figure, each opening the assignment. */
async function drillAccommodation(tx: Tx, req: FigureDrillRequest): Promise<FigureCases> {
  const base = drillBase(req.agencyId, req.figureId, req.period);
  if (!base) return { items: [], total: 0 };
  return casePage(await figuresRepository(tx, req.agencyId).drill(base, req.limit, req.offset), (id) => `/accommodation/assignments/${id}`);
}

/** Accommodation's figures on the steering dashboard, from the assignments, stays and dated rates. */
export const accommodationFigures: FigureContribution = {
  module: 'accommodation',
  reached: {
    definition: {
      de: 'Haushalte, die im Zeitraum in eine Unterkunft eingezogen sind (Tag des ersten Einzugs im Zeitraum); jeder Haushalt zählt einmal.',
      en: 'Households that moved into a facility in the period (day of the first move-in in the period); each household counts once.',
    },
    households: (tx, { agencyId, period }) => figuresRepository(tx, agencyId).reached(period),
  },
  families: FAMILIES.map((f) => ({ ...f, drill: drillAccommodation })),
};
