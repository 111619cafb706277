import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { TInspectionDetail } from '../../../contracts/accommodationInspections.js';
import { formatGermanDate } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { framedDefinition, renderDefinition, winAnsi } from '../../platform/documents/render.js';
import { agencyFacts } from '../agencies/agencies.service.js';

/*
 * The inspection report (Begehungsprotokoll) as PDF: letterhead, the facility and the inspection,
 * every checklist item with its result and note, the findings with severity and remedy deadline.
 * German: it is the agency's official record and goes to the operator.
 */
const KIND = { admission: 'vor der Zulassung', routine: 'Regelbegehung', incident: 'Anlass: Vorfall oder Beschwerde' } as const;
const STATE = { planned: 'geplant', in_progress: 'begonnen', completed: 'abgeschlossen', cancelled: 'abgesagt' } as const;
const RESULT = { passed: 'erfüllt', failed: 'nicht erfüllt', not_applicable: 'entfällt' } as const;
const SEVERITY = { minor: 'gering', major: 'erheblich', critical: 'kritisch' } as const;

/** The standard fonts lack ≥ and ≤: they are written out. */
const pdfText = (s: string) => winAnsi(s.replace(/≥\s?/g, 'mind. ').replace(/≤\s?/g, 'höchstens '));
const w = (s: string | null | undefined) => pdfText(s ? s : '—');
const d = (s: string | null) => (s ? formatGermanDate(s) : '—');
const th = (cells: string[]): TableCell[] => cells.map((c) => ({ text: pdfText(c), style: 'th' }));

function pairs(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: pdfText(k), style: 'key' }, { text: pdfText(v) }]) },
    layout: 'noBorders',
    style: 'table',
  };
}

export async function inspectionReportPdf(
  tx: Tx,
  agencyId: string,
  i: TInspectionDetail,
  facility: { name: string; street: string; postal_code: string; city: string },
): Promise<Buffer> {
  const agency = await agencyFacts(tx, agencyId);
  const { letterhead } = agency.settings;
  const title = `Begehungsprotokoll ${facility.name}`;
  const content: Content[] = [
    { text: pdfText(title), style: 'h1', headlineLevel: 1 },
    pairs([
      ['Unterkunft', `${facility.name}, ${facility.street}, ${facility.postal_code} ${facility.city}`],
      ['Art der Begehung', KIND[i.kind]],
      ['Geplant am', d(i.plannedOn)],
      ['Durchgeführt am', d(i.startedOn)],
      ['Abgeschlossen am', d(i.completedOn)],
      ['Stand', STATE[i.state]],
      ['Prüfer/in', i.inspector ?? '—'],
      ['Checkliste', `Version ${i.checklistVersion}`],
      ...(i.reason ? ([['Anlass', i.reason]] as [string, string][]) : []),
      ...(i.cancelReason ? ([['Grund der Absage', i.cancelReason]] as [string, string][]) : []),
    ]),
    { text: pdfText('Prüfpunkte'), style: 'h2', headlineLevel: 2 },
    {
      table: {
        headerRows: 1,
        widths: [90, '*', 62, '*'],
        body: [
          th(['Bereich', 'Prüfpunkt und Maßstab', 'Ergebnis', 'Notiz']),
          ...i.items.map((it): TableCell[] => [
            w(it.category),
            { stack: [{ text: pdfText(it.title), bold: true }, ...(it.norm ? [{ text: pdfText(it.norm), color: '#444444' }] : [])] },
            w(it.result ? RESULT[it.result] : 'offen'),
            w([it.note, it.photos.length ? `${it.photos.length} Foto(s)` : null].filter(Boolean).join(' · ')),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      style: ['table', 'small'],
    },
    { text: pdfText('Mängel und Fristen'), style: 'h2', headlineLevel: 2 },
    i.findings.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 62, 70, 90],
            body: [
              th(['Mangel', 'Schwere', 'Frist', 'Stand']),
              ...i.findings.map((f): TableCell[] => [
                { stack: [{ text: pdfText(f.title), bold: true }, ...(f.note ? [{ text: pdfText(f.note) }] : [])] },
                w(SEVERITY[f.severity]),
                w(d(f.remedyDue)),
                w(f.state === 'open' ? 'offen' : `behoben am ${d(f.closedOn)}${f.closedNote ? ` (${f.closedNote})` : ''}`),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          style: ['table', 'small'],
        }
      : { text: pdfText('Keine Mängel.'), style: 'p' },
    ...(i.summary
      ? [{ text: pdfText('Ergebnis'), style: 'h2', headlineLevel: 2 } as Content, { text: pdfText(i.summary), style: 'p' } as Content]
      : []),
  ];
  return renderDefinition(
    framedDefinition(
      title,
      { agencyName: agency.name, address: letterhead.address ?? undefined, footer: letterhead.footer ?? undefined },
      content,
      { th: { bold: true }, key: { color: '#444444' }, table: { margin: [0, 0, 0, 8] }, small: { fontSize: 9, lineHeight: 1.1 } },
    ),
  );
}
