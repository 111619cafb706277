import { berlinDate } from '../../platform/deadlines/workdays.js';
import { oneDecimal, share, type FigureDeclaration, type FigureFamily } from '../../platform/steering/figure.contribution.js';
import { figuresRepository } from './figures.repository.js';

/*
 * Prevention's figures beyond the first contact: the home visit after an unanswered letter, the
 * clearing (from the domain event log), rent-debt assumptions and whether homes are still kept
 * 3, 6 and 12 months after the case closed.
 */

const KEPT_MONTHS = [3, 6, 12] as const;

const keptFigure = (months: number): FigureDeclaration => ({
  id: `prevention.kept_after_${months}`,
  title: { de: `Wohnung ${months} Monate nach Abschluss noch erhalten`, en: `Home still kept ${months} months after closing` },
  definition: {
    de: `Von den Präventionsfällen, die mit „Wohnung erhalten“ abgeschlossen wurden und deren Stichtag (Tag des Abschlusses plus ${months} Monate) im Zeitraum liegt und schon erreicht ist: der Anteil, bei dem bis zum Stichtag kein späterer Präventionsfall desselben Haushalts mit „Wohnung verloren“ abgeschlossen wurde.`,
    en: `Of the prevention cases closed with “home kept” whose mark (day of closing plus ${months} months) lies in the period and has been reached: the share where no later prevention case of the same household was closed with “home lost” by the mark.`,
  },
  unit: 'share',
  higherIsBetter: true,
});

export const laterFamilies: readonly FigureFamily[] = [
  {
    figures: [
      {
        id: 'prevention.visit_after_letter',
        title: { de: 'Hausbesuch nach unbeantwortetem Brief', en: 'Home visit after an unanswered letter' },
        definition: {
          de: 'Von den im Zeitraum eingegangenen Mitteilungen mit unbeantwortetem Brief (ein Kontaktbrief ging hinaus, und weder vorher noch danach kam ein echter Kontakt zustande außer bei einem Hausbesuch): der Anteil, bei dem nach dem ersten Brief ein Hausbesuch versucht wurde.',
          en: 'Of the notices received in the period with an unanswered letter (a contact letter went out and no real contact came about before or after it other than at a home visit): the share where a home visit was attempted after the first letter.',
        },
        unit: 'share',
        higherIsBetter: true,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const r = await figuresRepository(tx, agencyId).letterThenVisit(period);
      return { 'prevention.visit_after_letter': { value: share(r.visited, r.unanswered) } };
    },
  },
  {
    figures: [
      {
        id: 'prevention.clearings_completed',
        title: { de: 'Abgeschlossene Clearings', en: 'Clearings completed' },
        definition: {
          de: 'Präventionsfälle, deren Clearing im Zeitraum abgeschlossen wurde (Tag des ersten Übergangs in „Maßnahmen“ laut Ereignisprotokoll).',
          en: 'Prevention cases whose clearing was completed in the period (day of the first transition to “measures” in the event log).',
        },
        unit: 'count',
        higherIsBetter: true,
      },
      {
        id: 'prevention.clearing_days',
        title: { de: 'Tage von der Mitteilung bis zum Clearing (Median)', en: 'Days from notice to completed clearing (median)' },
        definition: {
          de: 'Für die im Zeitraum abgeschlossenen Clearings: Kalendertage vom Eingang der Mitteilung bis zum Abschluss des Clearings, der Median.',
          en: 'For the clearings completed in the period: calendar days from receipt of the notice to the completion of the clearing, the median.',
        },
        unit: 'days',
        higherIsBetter: false,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const r = await figuresRepository(tx, agencyId).clearings(period);
      return { 'prevention.clearings_completed': { value: r.n }, 'prevention.clearing_days': { value: oneDecimal(r.median) } };
    },
  },
  {
    figures: [
      {
        id: 'prevention.assumptions',
        title: { de: 'Mietschuldenübernahmen', en: 'Rent-debt assumptions' },
        definition: {
          de: 'Mietschuldenübernahmen, die im Zeitraum bewilligt wurden (Tag der Entscheidung), als Darlehen oder Beihilfe; abgelehnte und stornierte zählen nicht.',
          en: 'Rent-debt assumptions granted in the period (day of the decision), as a loan or a grant; rejected and cancelled ones do not count.',
        },
        unit: 'count',
        higherIsBetter: true,
        categories: [
          { key: 'loan', label: { de: 'Darlehen', en: 'Loan' } },
          { key: 'grant', label: { de: 'Beihilfe', en: 'Grant' } },
        ],
      },
      {
        id: 'prevention.assumptions_sum',
        title: { de: 'Summe der Mietschuldenübernahmen', en: 'Sum of rent-debt assumptions' },
        definition: {
          de: 'Summe der bewilligten Beträge (ohne Angabe: der beantragte Betrag) der im Zeitraum bewilligten Mietschuldenübernahmen, Darlehen und Beihilfen zusammen, in Euro.',
          en: 'Sum of the granted amounts (if none recorded: the amount applied for) of the rent-debt assumptions granted in the period, loans and grants together, in euros.',
        },
        unit: 'euros',
        higherIsBetter: true,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).assumptions(period);
      const breakdown = Object.fromEntries(rows.map((r) => [r.decision, r.n]));
      const cents = rows.reduce((s, r) => s + Number(r.cents), 0);
      return {
        'prevention.assumptions': { value: rows.reduce((s, r) => s + r.n, 0), breakdown },
        'prevention.assumptions_sum': { value: cents / 100 },
      };
    },
  },
  {
    figures: KEPT_MONTHS.map(keptFigure),
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).keptAfter(period, berlinDate(new Date()));
      return Object.fromEntries(
        KEPT_MONTHS.map((m) => {
          const r = rows.find((x) => x.months === m);
          return [`prevention.kept_after_${m}`, { value: r ? share(r.kept, r.due) : null }];
        }),
      );
    },
  },
];
