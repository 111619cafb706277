/** German texts of the city-wide comparison and the city average (merged into de.ts). */
export const steeringCityDe = {
  steeringCity: {
    nav: 'Stadtvergleich',
    title: 'Stadtvergleich der Zielvereinbarung',
    intro:
      'Die Kennzahlen der beigetretenen Fachstellen nebeneinander und die Stadt gesamt – nur Summen und Anteile, keine Fälle, keine Namen. Kleine Zahlen sind geschützt.',
    noBody: 'Ihr Konto gehört zu keinem Steuerungsgremium. Bitte wenden Sie sich an den Betrieb der Plattform.',
    noAgreement: 'Für diesen Zeitraum gibt es keine Zielvereinbarung mit beigetretenen Fachstellen.',
    agreement: 'Zielvereinbarung',
    agreementText: '{{name}}: gilt ab {{from}}{{to}}, {{members}} Fachstellen',
    agreementUntil: ' bis {{to}}',
    periodText: 'Zeitraum: {{from}} bis {{to}}.',
    agency: 'Fachstelle',
    total: 'Stadt gesamt',
    figure: 'Kennzahl',
    suppressed: {
      small: '< 5',
      secondary: 'geschützt',
      no_base: 'nicht ausgewiesen',
    },
    suppressedLong: {
      small: 'weniger als 5 Fälle',
      secondary: 'geschützt, damit sich ein kleiner Wert nicht aus der Summe ergibt',
      no_base: 'ohne bekannte Fallzahl nicht ausgewiesen',
    },
    rule: 'So werden kleine Zahlen geschützt',
    ruleText:
      'Anzahlen unter 5 (auch 0) stehen als „< 5“, alle anderen sind auf Vielfache von 5 gerundet. Die Stadtsumme wird aus den gezeigten Werten gebildet („< 5“ zählt als 2), so dass sich kein kleiner Wert aus ihr errechnen lässt. Anteile, Mediane und Beträge stehen nur bei mindestens 5 Fällen, Anteile auf ganze Prozent gerundet; ist genau eine Fachstelle zu klein, wird eine zweite geschützt. Die Stadt gesamt ist bei ihnen das nach Fallzahl gewichtete Mittel. Es gibt den Vergleich nur für Quartale und Kalenderjahre.',
    chart: 'Diagramm: {{title}} je Fachstelle',
    table: 'Tabelle: {{title}} je Fachstelle und Stadt gesamt',
    average: 'Durchschnitt der Fachstellen: {{value}}',
    averageNone: 'Durchschnitt der Fachstellen: {{reason}}',
    averageAsOf: 'Durchschnitt der Fachstellen der „{{name}}“ (Stand der Daten: {{at}})',
  },
};
