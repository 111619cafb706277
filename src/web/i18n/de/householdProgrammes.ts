/** German texts of the household record's programme overview (every case of the household). */
export const householdProgrammesDe = {
  householdProgrammes: {
    title: 'Programme und Fälle',
    subtitle: 'Alle Fälle dieses Haushalts, soweit Sie sie sehen dürfen.',
    caption: 'Fälle des Haushalts in den Programmen',
    empty: 'Dieser Haushalt hat keine Fälle, die Sie sehen dürfen.',
    col: {
      programme: 'Programm',
      kind: 'Art',
      reference: 'Nummer',
      state: 'Stand',
      address: 'Wohnung',
      from: 'Seit',
      until: 'Bis',
    },
    kind: {
      prevention_case: 'Präventionsfall',
      candidacy: 'Kandidatur für Wohnungsangebot',
      tenancy: 'Mietverhältnis',
      aftercare_case: 'Nachsorgefall',
    },
    rank: 'Rang {{rank}}',
    open: '{{kind}} {{reference}} öffnen',
  },
};
