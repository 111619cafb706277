import { CLOSING_OUTCOMES, INCIDENT_KINDS } from '../../../contracts/sustainment.js';
import type { Tx } from '../../db/database.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import {
  casePage,
  share,
  type FigureCases,
  type FigureContribution,
  type FigureDeclaration,
  type FigureDrillRequest,
  type FigureFamily,
} from '../../platform/steering/figure.contribution.js';
import { figuresRepository, tenancyBase } from './figures.repository.js';

const KIND_LABELS: Record<(typeof INCIDENT_KINDS)[number], { de: string; en: string }> = {
  rent_default: { de: 'Mietausfall', en: 'Rent default' },
  conflict: { de: 'Konflikt', en: 'Conflict' },
};
const OUTCOME_LABELS: Record<(typeof CLOSING_OUTCOMES)[number], { de: string; en: string }> = {
  independent: { de: 'Lebt selbstständig', en: 'Lives independently' },
  further_support: { de: 'Weitere Unterstützung', en: 'Further support' },
  lost: { de: 'Wohnung verloren', en: 'Home lost' },
};
const YEARS = [1, 2, 3, 4, 5] as const;

const runningFigure = (years: number): FigureDeclaration => ({
  id: `sustainment.running_after_${years}y`,
  title: {
    de: `Mietverhältnisse nach ${years} ${years === 1 ? 'Jahr' : 'Jahren'} noch bestehend`,
    en: `Tenancies still running after ${years} ${years === 1 ? 'year' : 'years'}`,
  },
  definition: {
    de: `Von den Mietverhältnissen mit Garantie, deren ${years}. Jahrestag des Mietbeginns im Zeitraum liegt und schon erreicht ist: der Anteil, der an diesem Tag noch bestand (nicht vorher beendet).`,
    en: `Of the guaranteed tenancies whose ${years}${['st', 'nd', 'rd'][years - 1] ?? 'th'} anniversary of the lease start lies in the period and has been reached: the share still in place on that day (not ended before it).`,
  },
  unit: 'share',
  higherIsBetter: true,
});

const FAMILIES: readonly FigureFamily[] = [
  {
    figures: [
      {
        id: 'sustainment.incidents',
        title: { de: 'Meldungen nach Art', en: 'Incidents by kind' },
        definition: {
          de: 'Meldungen zu Mietverhältnissen (Mietausfall, Konflikt), die im Zeitraum eingegangen sind (Tag der Meldung), gleich von wem gemeldet.',
          en: 'Incidents on tenancies (rent default, conflict) reported in the period (day of the report), whoever reported them.',
        },
        unit: 'count',
        higherIsBetter: false,
        categories: INCIDENT_KINDS.map((key) => ({ key, label: KIND_LABELS[key] })),
      },
      {
        id: 'sustainment.tenancies_running',
        title: { de: 'Laufende Mietverhältnisse', en: 'Tenancies running' },
        definition: {
          de: 'Mietverhältnisse mit Garantie, die am letzten Tag des Zeitraums bestanden (Mietbeginn spätestens an diesem Tag, nicht vorher beendet).',
          en: 'Guaranteed tenancies in place on the last day of the period (lease started on or before that day and not ended before it).',
        },
        unit: 'count',
        higherIsBetter: true,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).incidentsAndTenancies(period);
      const kinds = rows.filter((r) => r.kind !== '_running');
      return {
        'sustainment.incidents': {
          value: kinds.reduce((s, r) => s + r.n, 0),
          breakdown: Object.fromEntries(kinds.map((r) => [r.kind, r.n])),
        },
        'sustainment.tenancies_running': { value: rows.find((r) => r.kind === '_running')?.n ?? 0 },
      };
    },
  },
  {
    figures: [
      {
        id: 'sustainment.payouts',
        title: { de: 'Auszahlungen aus der Garantie', en: 'Guarantee payouts' },
        definition: {
          de: 'Summe der im Zeitraum an Vermieter ausgezahlten Garantiebeträge (Tag der Zahlung), in Euro.',
          en: 'Sum of the guarantee amounts paid to landlords in the period (day of payment), in euros.',
        },
        unit: 'euros',
        higherIsBetter: false,
      },
      {
        id: 'sustainment.recovery_rate',
        title: { de: 'Rückflussquote', en: 'Recovery rate' },
        definition: {
          de: 'Von allen Garantieauszahlungen bis zum Ende des Zeitraums der Anteil, den die Haushalte bis dahin zurückgezahlt haben (Summe der Rückzahlungen durch Summe der Auszahlungen, jeweils bis zum letzten Tag des Zeitraums).',
          en: 'Of all guarantee payouts up to the end of the period, the share the households had paid back by then (sum of repayments over sum of payouts, each up to the last day of the period).',
        },
        unit: 'share',
        higherIsBetter: true,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const r = await figuresRepository(tx, agencyId).money(period);
      return {
        'sustainment.payouts': { value: Number(r.paid) / 100 },
        'sustainment.recovery_rate': { value: share(Number(r.recovered_total), Number(r.paid_total)) },
      };
    },
  },
  {
    figures: YEARS.map(runningFigure),
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).runningAfter(period, berlinDate(new Date()));
      return Object.fromEntries(
        YEARS.map((y) => {
          const r = rows.find((x) => x.years === y);
          return [`sustainment.running_after_${y}y`, { value: r ? share(r.running, r.due) : null }];
        }),
      );
    },
  },
  {
    figures: [
      {
        id: 'sustainment.closing_reviews',
        title: { de: 'Abschlussprüfungen: lebt selbstständig', en: 'Closing reviews: lives independently' },
        definition: {
          de: 'Von den Abschlussprüfungen am Ende der Garantie, die im Zeitraum festgehalten wurden (Tag der Prüfung), der Anteil mit dem Ergebnis „lebt selbstständig“; daneben alle nach Ergebnis.',
          en: 'Of the closing reviews at the end of the guarantee recorded in the period (day of the review), the share with the outcome “lives independently”; beside it all by outcome.',
        },
        unit: 'share',
        higherIsBetter: true,
        categories: CLOSING_OUTCOMES.map((key) => ({ key, label: OUTCOME_LABELS[key] })),
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).closingReviews(period);
      const breakdown = Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
      const total = rows.reduce((s, r) => s + r.n, 0);
      return { 'sustainment.closing_reviews': { value: share(breakdown.independent ?? 0, total), breakdown } };
    },
  },
];

/** The tenancies (or, for incidents, the incidents) behind any sustainment figure. */
async function drillSustainment(tx: Tx, req: FigureDrillRequest): Promise<FigureCases> {
  const repo = figuresRepository(tx, req.agencyId);
  if (req.figureId === 'sustainment.incidents')
    return casePage(await repo.drillIncidents(req.period, req.limit, req.offset), (id) => `/sustainment/incidents/${id}`);
  const base = tenancyBase(req.agencyId, req.figureId, req.period, berlinDate(new Date()));
  if (!base) return { items: [], total: 0 };
  return casePage(await repo.drillTenancies(base, req.limit, req.offset), (id) => `/sustainment/tenancies/${id}`);
}

/** Sustainment's figures on the steering dashboard, from its own tenancies and incidents; each drillable. */
export const sustainmentFigures: FigureContribution = {
  module: 'sustainment',
  reached: {
    definition: {
      de: 'Haushalte, deren Mietverhältnis mit Garantie im Zeitraum begann oder zu deren Mietverhältnis im Zeitraum eine Meldung einging; jeder Haushalt zählt einmal, erreicht am ersten dieser Tage.',
      en: 'Households whose guaranteed tenancy began in the period or whose tenancy had an incident reported in it; each household counts once, reached on the first of those days.',
    },
    households: (tx, { agencyId, period }) => figuresRepository(tx, agencyId).reached(period),
  },
  workload: {
    openCases: {
      de: 'Laufende Mietverhältnisse mit Garantie, bei der zuständigen Sozialarbeiterin.',
      en: 'Running guaranteed tenancies, for the responsible social worker.',
    },
    deadlineSubjects: ['tenancy', 'incident'],
    open: (tx, agencyId) => figuresRepository(tx, agencyId).openByPerson(),
  },
  families: FAMILIES.map((f) => ({ ...f, drill: drillSustainment })),
};
