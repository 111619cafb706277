import type { Messages } from '../de';

/** English texts of the global search. */
export const searchEn: Pick<Messages, 'search'> = {
  search: {
    label: 'Search',
    placeholder: 'Name, file number, address, birth date',
    shortcutHint: 'Shortcut: / or Ctrl+K',
    searching: 'Searching …',
    tooShort: 'Please enter at least 2 characters.',
    none: 'No results you may see.',
    showAll: 'Show all results for “{{q}}”',
    resultsTitle: 'Search results',
    resultsFor: 'Results for “{{q}}”',
    more: 'There are more results. Please narrow the search.',
    pageLabel: 'Search term',
    submit: 'Search',
    readingBirthDate: 'Searched by birth date',
    kind: {
      household: 'Households',
      prevention: 'Prevention cases',
      offer: 'Flat offers',
      tenancy: 'Tenancies',
      aftercare: 'Aftercare cases',
    },
    matched: {
      reference: 'File number',
      name: 'Name',
      address: 'Address',
      birthDate: 'Birth date',
    },
  },
};
