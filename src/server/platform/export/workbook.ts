import ExcelJS from 'exceljs';

/** A new workbook of wohnhilfe (shared by the list exports and the aftercare reports). */
export function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wohnhilfe';
  wb.created = new Date();
  return wb;
}

export const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};
