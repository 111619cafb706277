import { END_REASONS, type TEndReason } from '../../../contracts/aftercare.js';
import { casePage, share, type FigureContribution } from '../../platform/steering/figure.contribution.js';
import { caseLink } from './aftercare.shared.js';
import { figuresRepository } from './figures.repository.js';
import { reportRepository } from './reports.repository.js';

const VISIT_LABELS = {
  held: { de: 'Durchgeführt', en: 'Held' },
  not_met: { de: 'Niemand angetroffen', en: 'Nobody met' },
  refused: { de: 'Vom Haushalt abgelehnt', en: 'Refused by the household' },
} as const;

const END_LABELS: Record<TEndReason, { de: string; en: string }> = {
  goals_reached: { de: 'Ziele erreicht', en: 'Goals reached' },
  lease_signed: { de: 'Mietvertrag abgeschlossen', en: 'Lease signed' },
  declined_withdrawn: { de: 'Abgelehnt / Einwilligung widerrufen', en: 'Declined / consent withdrawn' },
  moved_away: { de: 'Verzogen', en: 'Moved away' },
  no_contact: { de: 'Kein Kontakt', en: 'No contact' },
  other_help_installed: { de: 'Andere Hilfe installiert', en: 'Other help installed' },
  time_limit: { de: 'Befristung abgelaufen', en: 'Time limit reached' },
};
const GOOD_ENDS: readonly string[] = ['goals_reached', 'lease_signed'];

/** Aftercare's figures on the steering dashboard: the quarter statement of its reports, for any period. */
export const aftercareFigures: FigureContribution = {
  module: 'aftercare',
  reached: {
    definition: {
      de: 'Haushalte, die im Zeitraum zur Nachsorge (Wohnintegrationshilfe) gemeldet wurden (Tag der Meldung); jeder Haushalt zählt einmal.',
      en: 'Households referred to aftercare in the period (day of referral); each household counts once.',
    },
    households: (tx, { agencyId, period }) => figuresRepository(tx, agencyId).reached(period),
  },
  workload: {
    openCases: {
      de: 'Nachsorgefälle, die weder beendet noch abgelehnt sind, bei der zuständigen Fachkraft des Trägers.',
      en: 'Aftercare cases neither ended nor refused, for the carrier’s responsible worker.',
    },
    deadlineSubjects: ['aftercare_case', 'aftercare_follow_up'],
    open: (tx, agencyId) => figuresRepository(tx, agencyId).openByPerson(),
  },
  families: [
    {
      figures: [
        {
          id: 'aftercare.visits_held',
          title: { de: 'Hausbesuche durchgeführt', en: 'Home visits held' },
          definition: {
            de: 'Von den dokumentierten Hausbesuchen mit Besuchstag im Zeitraum (durchgeführt, niemand angetroffen, abgelehnt) der Anteil der durchgeführten; daneben die Besuche nach Ergebnis. Alle Träger.',
            en: 'Of the documented home visits dated in the period (held, nobody met, refused), the share held; beside it the visits by result. All carriers.',
          },
          unit: 'share',
          higherIsBetter: true,
          categories: (['held', 'not_met', 'refused'] as const).map((key) => ({ key, label: VISIT_LABELS[key] })),
        },
        {
          id: 'aftercare.ends_goals_reached',
          title: { de: 'Beendigungen mit erreichtem Ziel', en: 'Ends with goals reached' },
          definition: {
            de: 'Von den Nachsorgefällen, die im Zeitraum endeten (Tag der Beendigung), der Anteil, der mit „Ziele erreicht“ oder „Mietvertrag abgeschlossen“ endete; daneben alle Beendigungen nach Grund.',
            en: 'Of the aftercare cases that ended in the period (day of ending), the share ending with “goals reached” or “lease signed”; beside it all ends by reason.',
          },
          unit: 'share',
          higherIsBetter: true,
          categories: END_REASONS.map((key) => ({ key, label: END_LABELS[key] })),
        },
      ],
      async compute(tx, { agencyId, period }) {
        const rows = await reportRepository(tx, agencyId).quarter(period.from, period.to, null);
        const of = (dim: string) => Object.fromEntries(rows.filter((r) => r.dim === dim && r.key !== null).map((r) => [r.key, r.n]));
        const visits = of('visit');
        const ends = of('end');
        const sum = (m: Record<string, number>, keys?: readonly string[]) =>
          Object.entries(m).reduce((s, [k, n]) => s + (keys && !keys.includes(k) ? 0 : n), 0);
        const documented = (visits.held ?? 0) + (visits.not_met ?? 0) + (visits.refused ?? 0);
        return {
          'aftercare.visits_held': { value: share(visits.held ?? 0, documented), breakdown: visits, base: documented },
          'aftercare.ends_goals_reached': { value: share(sum(ends, GOOD_ENDS), sum(ends)), breakdown: ends, base: sum(ends) },
        };
      },
      async drill(tx, { agencyId, figureId, period, limit, offset }) {
        if (figureId !== 'aftercare.visits_held' && figureId !== 'aftercare.ends_goals_reached') return { items: [], total: 0 };
        return casePage(await figuresRepository(tx, agencyId).drill(figureId, period, limit, offset), caseLink);
      },
    },
  ],
};
