/** German texts of the list exports (CSV and Excel buttons above a list). */
export const exportsDe = {
  exports: {
    group: 'Liste exportieren',
    label: 'Exportieren:',
    csv: 'CSV',
    csvTitle: 'Als CSV-Datei herunterladen (Semikolon-getrennt, UTF-8)',
    xlsx: 'Excel',
    xlsxTitle: 'Als Excel-Datei (XLSX) herunterladen',
    hint: 'Mit den aktuellen Filtern, ohne Seiten, höchstens 10.000 Zeilen.',
  },
};
