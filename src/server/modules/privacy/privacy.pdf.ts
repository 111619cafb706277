import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { framedDefinition, renderDefinition, winAnsi } from '../../platform/documents/render.js';
import { fileDate, fileDateTime, fileTexts } from '../households/file.labels.js';
import type { SubjectExport } from './privacy.export.js';
import { columnLabel, PDF_TEXTS, shownValue } from './privacy.labels.js';

/*
 * The access request's export as the person reads it (Art. 15 DSGVO, § 83 SGB X), laid out from the
 * stored JSON: what the office processes and on which legal basis, every record per kind (readable
 * field names; internal ids left out — they are in the JSON for the file), the recipients, the
 * consents and who read or changed the records.
 */

const w = (s: string | null | undefined) => winAnsi(s === null || s === undefined || s === '' ? '—' : s);
const h2 = (text: string): Content => ({ text: winAnsi(text), style: 'h2', headlineLevel: 2 });
const h3 = (text: string): Content => ({ text: winAnsi(text), style: 'h3', headlineLevel: 3 });
const p = (text: string): Content => ({ text: winAnsi(text), style: 'p' });
const note = (text: string): Content => ({ text: winAnsi(text), style: ['p', 'note'] });
const th = (cells: string[]): TableCell[] => cells.map((c) => ({ text: winAnsi(c), style: 'th' }));

function pairs(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: winAnsi(k), style: 'key' }, { text: w(v) }]) },
    layout: 'lightHorizontalLines',
    style: ['table', 'small'],
  };
}

function table(widths: (number | string)[], head: string[], rows: TableCell[][], empty: string): Content {
  if (!rows.length) return note(empty);
  return { table: { headerRows: 1, widths, body: [th(head), ...rows] }, layout: 'lightHorizontalLines', style: ['table', 'small'] };
}

/** The person's PDF of a produced export. */
export function subjectExportPdf(x: SubjectExport, lang: ExportLang): Promise<Buffer> {
  const t = PDF_TEXTS[lang];
  const f = fileTexts(lang);
  const subject = x.subject.member
    ? `${x.subject.member.name} (${x.subject.householdReference})`
    : `${t.household} ${x.subject.householdReference}`;
  const filled = x.tables.filter((tb) => tb.rows.length);
  const content: Content[] = [
    { text: winAnsi(t.title), style: 'h1', headlineLevel: 1 },
    pairs([
      [t.reference, x.request.reference],
      [t.subject, subject],
      [t.requestedBy, x.request.requestedBy],
      [t.receivedOn, fileDate(lang, x.request.receivedOn)],
      [t.generatedAt, fileDateTime(lang, x.generatedAt)],
      [t.controller, x.agency],
    ]),
    p(t.intro),
    p(t.rights),
    h2(t.purposes),
    ...x.legalBases.flatMap((b): Content[] => [
      h3(b.activity[lang]),
      table(
        ['*', '*'],
        [t.purpose, t.legalBasis],
        b.purposes.map((q) => [w(q.purpose[lang]), w(q.legalBasis[lang])]),
        t.none,
      ),
    ]),
    h2(t.records),
    note(t.recordsNote(filled.reduce((n, tb) => n + tb.rows.length, 0))),
    ...filled.flatMap((tb): Content[] => [
      h3(`${tb.title[lang]} (${tb.rows.length})`),
      ...tb.rows.map((r) =>
        pairs(
          Object.entries(r)
            .map(([k, v]): [string, string | null] => [columnLabel(k, lang), shownValue(k, v, lang)])
            .filter((e): e is [string, string] => e[1] !== null),
        ),
      ),
    ]),
    h2(t.recipients),
    table(
      [80, '*', '*'],
      [t.at, t.recipient, t.fields],
      x.recipients.map((r) => [w(fileDateTime(lang, r.at)), w(r.recipient), w(r.fields.join(', '))]),
      t.noRecipients,
    ),
    h2(t.consents),
    table(
      ['*', '*', 60, 60],
      [t.recipient, t.purpose, t.given, t.withdrawn],
      x.consents.map((c) => [
        w(c.recipient),
        w(c.purpose),
        w(fileDate(lang, c.givenOn)),
        w(c.withdrawnOn ? fileDate(lang, c.withdrawnOn) : t.inForce),
      ]),
      t.none,
    ),
    h2(t.accessLog),
    note(t.accessNote(x.accessLog.length, x.accessLogLimit)),
    table(
      [80, 100, 90, '*'],
      [t.at, t.actor, t.role, t.action],
      x.accessLog.map((e) => [w(fileDateTime(lang, e.at)), w(e.actor), w(e.role === null ? null : f.role(e.role)), w(f.action(e.action))]),
      t.none,
    ),
  ];
  return renderDefinition(
    framedDefinition(
      `${t.title} ${x.request.reference}`,
      { agencyName: x.agency },
      content,
      {
        h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
        th: { bold: true },
        key: { color: '#444444' },
        table: { margin: [0, 0, 0, 6] },
        small: { fontSize: 8.5, lineHeight: 1.1 },
        note: { fontSize: 9, italics: true, color: '#444444' },
      },
      { language: lang === 'de' ? 'de-DE' : 'en-GB', notice: t.confidential, page: t.page },
    ),
  );
}
