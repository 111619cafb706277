/** German texts of the list exports (CSV and Excel buttons above a list). */
export const exportsDe = {
  exports: {
    group: 'Liste exportieren',
    label: 'Exportieren:',
    csv: 'CSV',
    csvTitle: 'Als CSV-Datei herunterladen (Semikolon-getrennt, UTF-8)',
    xlsx: 'Excel',
    xlsxTitle: 'Als Excel-Datei (XLSX) herunterladen',
  },
};
