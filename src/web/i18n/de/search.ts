/** German texts of the global search (header field and result page). */
export const searchDe = {
  search: {
    label: 'Suche',
    placeholder: 'Name, Aktenzeichen, Adresse, Geburtsdatum',
    shortcutHint: 'Tastenkürzel: / oder Strg+K',
    searching: 'Suche läuft …',
    tooShort: 'Bitte mindestens 2 Zeichen eingeben.',
    none: 'Keine Treffer, die Sie sehen dürfen.',
    showAll: 'Alle Treffer für „{{q}}“ anzeigen',
    resultsTitle: 'Suchergebnisse',
    resultsFor: 'Treffer für „{{q}}“',
    more: 'Es gibt weitere Treffer. Bitte die Suche eingrenzen.',
    pageLabel: 'Suchbegriff',
    submit: 'Suchen',
    readingBirthDate: 'Gesucht nach Geburtsdatum',
    kind: {
      household: 'Haushalte',
      prevention: 'Präventionsfälle',
      offer: 'Wohnungsangebote',
      tenancy: 'Mietverhältnisse',
      aftercare: 'Nachsorgefälle',
    },
    matched: {
      reference: 'Aktenzeichen',
      name: 'Name',
      address: 'Adresse',
      birthDate: 'Geburtsdatum',
    },
  },
};
