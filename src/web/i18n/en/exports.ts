/** English texts of the list exports (same keys as de/exports.ts). */
export const exportsEn = {
  exports: {
    group: 'Export list',
    label: 'Export:',
    csv: 'CSV',
    csvTitle: 'Download as a CSV file (semicolon-separated, UTF-8)',
    xlsx: 'Excel',
    xlsxTitle: 'Download as an Excel file (XLSX)',
  },
};
