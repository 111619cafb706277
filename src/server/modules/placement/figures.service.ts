import { oneDecimal, type FigureContribution } from '../../platform/steering/figure.contribution.js';
import { figuresRepository } from './figures.repository.js';

/** Placement's figures on the steering dashboard, from the offers' own history. */
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
  families: [
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
          'placement.offers_let': { value: r.let },
          'placement.offer_to_lease_days': { value: oneDecimal(r.median), base: r.timed },
        };
      },
    },
  ],
};
