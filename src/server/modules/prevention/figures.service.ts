import { PREVENTION_SOURCES } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import {
  casePage,
  holidaysBetween,
  oneDecimal,
  share,
  type FigureCases,
  type FigureContribution,
  type FigureDrillRequest,
  type FigureFamily,
  type FigureResult,
} from '../../platform/steering/figure.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { caseLink } from './prevention.derive.js';
import { drillBase, figuresRepository } from './figures.repository.js';
import { laterFamilies } from './figures.later.js';

const SOURCE_LABELS: Record<(typeof PREVENTION_SOURCES)[number], { de: string; en: string }> = {
  court_notice: { de: 'Gericht (Mitteilung in Zivilsachen)', en: 'Court (notice in civil matters)' },
  landlord: { de: 'Vermieter / Wohnungsunternehmen', en: 'Landlord / housing company' },
  job_centre: { de: 'Jobcenter', en: 'Job centre' },
  self_referral: { de: 'Selbstmeldung', en: 'Self-referral' },
  other_service: { de: 'Andere Dienste', en: 'Other services' },
};

const OUTCOME_GROUPS = [
  { key: 'kept', label: { de: 'Wohnung erhalten', en: 'Home kept' } },
  { key: 'lost', label: { de: 'Wohnung verloren', en: 'Home lost' } },
  { key: 'other', label: { de: 'Anderes Ergebnis', en: 'Other outcome' } },
] as const;
const outcomeGroup = (o: string) => (o === 'home_kept' ? 'kept' : o === 'home_lost' ? 'lost' : 'other');

const FAMILIES: readonly FigureFamily[] = [
  {
    figures: [
      {
        id: 'prevention.notices',
        title: { de: 'Eingegangene Mitteilungen nach Quelle', en: 'Notices received by source' },
        definition: {
          de: 'Alle im Zeitraum eingegangenen Mitteilungen (Eingangsdatum) nach ihrer Quelle: die Mitteilung, mit der ein Präventionsfall begann, und weitere Mitteilungen zu einem offenen Fall. Mehr früh erreichte Haushalte gelten als besser.',
          en: 'All notices received in the period (date of receipt) by source: the notice a prevention case began with and further notices joined to an open case. More households reached early counts as better.',
        },
        unit: 'count',
        higherIsBetter: true,
        categories: PREVENTION_SOURCES.map((key) => ({ key, label: SOURCE_LABELS[key] })),
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).noticesBySource(period);
      const breakdown = Object.fromEntries(rows.map((r) => [r.source, r.n]));
      return { 'prevention.notices': { value: rows.reduce((s, r) => s + r.n, 0), breakdown } };
    },
  },
  {
    figures: [
      {
        id: 'prevention.first_attempt_days',
        title: { de: 'Tage bis zum ersten Kontaktversuch (Median)', en: 'Days to the first contact attempt (median)' },
        definition: {
          de: 'Für die im Zeitraum eingegangenen Mitteilungen mit mindestens einem Kontaktversuch: Kalendertage vom Eingang der Mitteilung bis zum Tag des ersten Kontaktversuchs (Brief, Anruf, Hausbesuch …), der Median.',
          en: 'For the notices received in the period with at least one contact attempt: calendar days from receipt of the notice to the day of the first contact attempt (letter, call, home visit …), the median.',
        },
        unit: 'days',
        higherIsBetter: false,
      },
      {
        id: 'prevention.first_attempt_within_standard',
        title: { de: 'Erster Kontaktversuch im Standard', en: 'First contact attempt within the standard' },
        definition: {
          de: 'Anteil der im Zeitraum eingegangenen Mitteilungen, bei denen der erste Kontaktversuch spätestens am n-ten Arbeitstag nach Eingang erfolgte (n = Standard der Fachstelle in den Einstellungen, üblich 3; Wochenenden und Feiertage des Bundeslandes zählen nicht). Mitteilungen ohne Versuch zählen erst, wenn ihr Standard abgelaufen ist.',
          en: 'Share of the notices received in the period whose first contact attempt was made at the latest on the n-th working day after receipt (n = the agency’s standard in its settings, usually 3; weekends and the state’s public holidays do not count). Notices without an attempt count once their standard has run out.',
        },
        unit: 'share',
        higherIsBetter: true,
      },
      {
        id: 'prevention.first_contact_days',
        title: { de: 'Tage bis zum ersten echten Kontakt (Median)', en: 'Days to the first real contact (median)' },
        definition: {
          de: 'Für die im Zeitraum eingegangenen Mitteilungen, bei denen der Haushalt erreicht wurde: Kalendertage vom Eingang der Mitteilung bis zum Tag des ersten echten Kontakts (erreicht, auch wenn der Haushalt die Hilfe ablehnte; ein versandter Brief oder eine hinterlassene Nachricht zählt nicht), der Median.',
          en: 'For the notices received in the period where the household was reached: calendar days from receipt of the notice to the day of the first real contact (reached, even if the household declined help; a letter sent or a message left does not count), the median.',
        },
        unit: 'days',
        higherIsBetter: false,
      },
      {
        id: 'prevention.first_contact_within_standard',
        title: { de: 'Erster echter Kontakt im Standard', en: 'First real contact within the standard' },
        definition: {
          de: 'Anteil der im Zeitraum eingegangenen Mitteilungen, bei denen der Haushalt spätestens am n-ten Arbeitstag nach Eingang tatsächlich erreicht wurde (n = Standard der Fachstelle, üblich 3; Wochenenden und Feiertage des Bundeslandes zählen nicht). Mitteilungen ohne Kontakt zählen erst, wenn ihr Standard abgelaufen ist.',
          en: 'Share of the notices received in the period where the household was actually reached at the latest on the n-th working day after receipt (n = the agency’s standard, usually 3; weekends and the state’s public holidays do not count). Notices without contact count once their standard has run out.',
        },
        unit: 'share',
        higherIsBetter: true,
      },
    ],
    async compute(tx, { agencyId, period, state }) {
      const { settings } = await agencyFacts(tx, agencyId);
      const standard = settings.prevention.contactStandardWorkingDays;
      // Receipts up to the period's end, plus 60 days of searching for the standard's last day.
      const end = new Date(`${period.to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 60);
      const holidays = holidaysBetween(period.from, end.toISOString().slice(0, 10), state);
      const repo = figuresRepository(tx, agencyId);
      const today = berlinDate(new Date());
      const r = await repo.contactClock(period, standard, holidays, today);
      const c = await repo.contactClock(period, standard, holidays, today, 'first_contact_at');
      return {
        'prevention.first_attempt_days': { value: oneDecimal(r.median), base: r.attempted },
        'prevention.first_attempt_within_standard': { value: share(r.within, r.due), base: r.due },
        'prevention.first_contact_days': { value: oneDecimal(c.median), base: c.attempted },
        'prevention.first_contact_within_standard': { value: share(c.within, c.due), base: c.due },
      };
    },
  },
  {
    figures: [
      {
        id: 'prevention.home_kept',
        title: { de: 'Ergebnis: Wohnung erhalten', en: 'Outcome: home kept' },
        definition: {
          de: 'Für die im Zeitraum abgeschlossenen Präventionsfälle (Tag des Abschlusses): Anteil mit dem Ergebnis „Wohnung erhalten“; daneben die Fälle nach Ergebnis (erhalten, verloren, anderes: anderer Wohnraum, kein Kontakt, Hilfe abgelehnt).',
          en: 'For the prevention cases closed in the period (day of closing): share with the outcome “home kept”; beside it the cases by outcome (kept, lost, other: alternative housing, no contact, help declined).',
        },
        unit: 'share',
        higherIsBetter: true,
        categories: OUTCOME_GROUPS,
      },
    ],
    async compute(tx, { agencyId, period }) {
      const rows = await figuresRepository(tx, agencyId).outcomes(period);
      const breakdown: Record<string, number> = { kept: 0, lost: 0, other: 0 };
      for (const r of rows) breakdown[outcomeGroup(r.outcome)]! += r.n;
      const total = rows.reduce((s, r) => s + r.n, 0);
      const result: FigureResult = { value: share(breakdown.kept!, total), breakdown, base: total };
      return { 'prevention.home_kept': result };
    },
  },
  ...laterFamilies,
];

/** Prevention's figures on the steering dashboard, computed from its own cases; each drillable to them. */
export const preventionFigures: FigureContribution = {
  module: 'prevention',
  reached: {
    definition: {
      de: 'Haushalte mit einem Präventionsfall, dessen erste Mitteilung im Zeitraum einging (Eingangsdatum); jeder Haushalt zählt einmal, erreicht am frühesten Eingang im Zeitraum.',
      en: 'Households with a prevention case whose first notice was received in the period (date of receipt); each household counts once, reached on the earliest receipt in the period.',
    },
    households: (tx, { agencyId, period }) => figuresRepository(tx, agencyId).reached(period),
  },
  workload: {
    openCases: {
      de: 'Präventionsfälle, die nicht abgeschlossen sind; sie zählen bei der zuständigen Fallmanagerin und der Sozialarbeiterin je einmal.',
      en: 'Prevention cases not closed; each counts once for the responsible case manager and once for the social worker.',
    },
    deadlineSubjects: ['prevention_case'],
    open: (tx, agencyId) => figuresRepository(tx, agencyId).openByPerson(),
  },
  families: FAMILIES.map((f) => ({ ...f, drill: drillPrevention })),
};

/** The cases behind any prevention figure (the same base each figure counts), for every family. */
export async function drillPrevention(tx: Tx, req: FigureDrillRequest): Promise<FigureCases> {
  const base = drillBase(req.agencyId, req.figureId, req.period, berlinDate(new Date()));
  if (!base) return { items: [], total: 0 };
  return casePage(await figuresRepository(tx, req.agencyId).drill(base, req.limit, req.offset), caseLink);
}
