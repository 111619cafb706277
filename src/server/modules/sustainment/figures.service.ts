import { INCIDENT_KINDS } from '../../../contracts/sustainment.js';
import type { FigureContribution } from '../../platform/steering/figure.contribution.js';
import { figuresRepository } from './figures.repository.js';

const KIND_LABELS: Record<(typeof INCIDENT_KINDS)[number], { de: string; en: string }> = {
  rent_default: { de: 'Mietausfall', en: 'Rent default' },
  conflict: { de: 'Konflikt', en: 'Conflict' },
};

/** Sustainment's figures on the steering dashboard, from its own tenancies and incidents. */
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
  families: [
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
  ],
};
