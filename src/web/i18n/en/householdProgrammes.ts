/** English texts of the household record's programme overview (every case of the household). */
export const householdProgrammesEn = {
  householdProgrammes: {
    title: 'Programmes and cases',
    subtitle: 'Every case of this household that you may see.',
    caption: 'Cases of the household in the programmes',
    empty: 'This household has no cases you may see.',
    col: {
      programme: 'Programme',
      kind: 'Kind',
      reference: 'Number',
      state: 'State',
      address: 'Flat',
      from: 'Since',
      until: 'Until',
    },
    kind: {
      prevention_case: 'Prevention case',
      candidacy: 'Candidacy for a flat offer',
      tenancy: 'Tenancy',
      aftercare_case: 'Aftercare case',
    },
    rank: 'Rank {{rank}}',
    open: 'Open {{kind}} {{reference}}',
  },
};
