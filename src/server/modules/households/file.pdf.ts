import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { THousehold, TJournalEntry } from '../../../contracts/households.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { framedDefinition, renderDefinition, winAnsi, type Letterhead } from '../../platform/documents/render.js';
import { fileDate, fileDateTime, type FileLabels } from './file.labels.js';

/*
 * The household's file as a PDF (pdfmake, the documents frame): a title block, then master data,
 * members, needs, the programme overview, the journal, consents and the access log. Pure: the service
 * loads and labels, this lays out. Long parts flow over pages: tables repeat their header row, and a
 * journal entry is a heading line plus its text, which may break across pages.
 */

/** One programme entry with its words already chosen (kind and state labelled by its module). */
export interface FileProgramme {
  kind: string;
  reference: string;
  state: string;
  address: string | null;
  rank: number | null;
  from: string | null;
  until: string | null;
}

export interface FileConsentRow {
  purpose: string;
  recipient: string;
  form: string;
  givenBy: string | null;
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
}

export interface FileAccessRow {
  occurredAt: string;
  actor: string | null;
  role: string | null;
  action: string;
  purpose: string | null;
  outcome: string;
}

export interface HouseholdFile {
  lang: ExportLang;
  labels: FileLabels;
  letterhead: Letterhead;
  generatedAt: Date;
  generatedBy: { name: string; role: string };
  household: THousehold;
  programmes: FileProgramme[];
  journal: { items: TJournalEntry[]; total: number };
  /** `hidden`: the modules whose consents the actor may not see. */
  consents: { items: FileConsentRow[]; hidden: string[] };
  accessLog: { items: FileAccessRow[]; limit: number };
}

const w = (s: string | null | undefined, none = '—') => winAnsi(s === null || s === undefined || s === '' ? none : s);
const th = (cells: string[]): TableCell[] => cells.map((c) => ({ text: winAnsi(c), style: 'th' }));
const h2 = (text: string) => ({ text: winAnsi(text), style: 'h2', headlineLevel: 2 }) satisfies Content;
const note = (text: string): Content => ({ text: winAnsi(text), style: ['p', 'note'] });

/** A label/value table without lines (master data, title block). */
function pairs(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: winAnsi(k), style: 'key' }, { text: winAnsi(v) }]) },
    layout: 'noBorders',
    style: 'table',
  };
}

function table(widths: (number | string)[], head: string[], rows: TableCell[][], empty: string): Content {
  if (!rows.length) return note(empty);
  return { table: { headerRows: 1, widths, body: [th(head), ...rows] }, layout: 'lightHorizontalLines', style: ['table', 'small'] };
}

function titleBlock(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const h = f.household;
  const head = h.members.find((m) => m.relationship === 'head') ?? h.members[0];
  const sections = [t.master, t.members, t.needs, t.programmes, t.journal, t.consents, t.accessLog];
  return [
    { text: winAnsi(`${t.title} ${h.reference}`), style: 'h1', headlineLevel: 1 },
    pairs([
      [t.reference, h.reference],
      [t.household, head ? `${head.firstName} ${head.lastName}` : t.none],
      [t.agency, f.letterhead.agencyName],
      [t.generatedAt, fileDateTime(f.lang, f.generatedAt)],
      [t.generatedBy, `${f.generatedBy.name} (${f.generatedBy.role})`],
      [t.purpose, t.purposeText],
    ]),
    { text: winAnsi(t.contents), style: 'h3' },
    { ul: sections.map((s) => winAnsi(s)), style: 'p' },
    { text: winAnsi(t.confidential), style: ['p', 'confidential'] },
  ];
}

function masterData(f: HouseholdFile): Content[] {
  const { t, situation } = f.labels;
  const h = f.household;
  const d = (x: string | null) => fileDate(f.lang, x);
  return [
    { ...h2(t.master), pageBreak: 'before' },
    pairs([
      [t.reference, h.reference],
      [t.situation, `${situation(h.situation)}${h.situationSince ? ` (${t.since} ${d(h.situationSince)})` : ''}`],
      [t.seekingHousing, h.seekingHousing ? t.yes : t.no],
      [t.persons, String(h.persons)],
      [t.status, t.statusValue[h.status] ?? h.status],
      [t.caseManager, h.caseManager?.displayName ?? t.none],
      [t.socialWorker, h.socialWorker?.displayName ?? t.none],
      [t.createdAt, fileDateTime(f.lang, h.createdAt)],
      [t.updatedAt, fileDateTime(f.lang, h.updatedAt)],
    ]),
    h2(t.members),
    table(
      ['*', 64, 52, 88, 70, '*'],
      [t.name, t.birthDate, t.gender, t.nationality, t.relationship, t.contact],
      h.members.map((m) => [
        w(`${m.firstName} ${m.lastName}`),
        w(fileDate(f.lang, m.birthDate ?? null)),
        w(f.labels.gender(m.gender)),
        w(m.nationality),
        w(f.labels.relationship(m.relationship)),
        w([m.phone, m.email].filter(Boolean).join(', ')),
      ]),
      t.none,
    ),
  ];
}

function needs(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const n = f.household.needs;
  const flags = [n.wheelchair && t.wheelchair, n.stepFree && t.stepFree, n.pets && t.pets, n.health && t.health].filter(
    (x): x is string => !!x,
  );
  const rows: [string, string][] = [
    ...(flags.length ? [[t.needs.replace(/^\d+\.\s*/, ''), flags.join(', ')] as [string, string]] : []),
    ...(n.districtsAvoid.length ? [[t.districtsAvoid, n.districtsAvoid.join(', ')] as [string, string]] : []),
    ...(n.districtsPrefer.length ? [[t.districtsPrefer, n.districtsPrefer.join(', ')] as [string, string]] : []),
    ...(n.notes ? [[t.notes, n.notes] as [string, string]] : []),
  ];
  return [h2(t.needs), rows.length ? pairs(rows) : note(t.noNeeds)];
}

function programmes(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const d = (x: string | null) => fileDate(f.lang, x);
  return [
    h2(t.programmes),
    table(
      [100, 74, 80, '*', 74],
      [t.kind, t.number, t.state, t.flat, t.period],
      f.programmes.map((p) => [
        w(p.kind),
        w(p.reference),
        w(p.rank === null ? p.state : `${p.state}, ${t.rank(p.rank)}`),
        w(p.address),
        w(p.from || p.until ? `${d(p.from)} – ${p.until ? d(p.until) : ''}` : null),
      ]),
      t.noProgrammes,
    ),
  ];
}

function journal(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const { items, total } = f.journal;
  if (!items.length) return [h2(t.journal), note(t.noJournal)];
  return [
    h2(t.journal),
    note(items.length < total ? t.cut(items.length, total) : t.entries(total)),
    ...items.flatMap((j): Content[] => [
      {
        text: winAnsi(
          [
            fileDateTime(f.lang, j.occurredAt),
            f.labels.journalKind(j.kind),
            j.participation ? t.participated : t.notParticipated,
            j.author ? `${t.by} ${j.author.displayName}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        style: 'entryHead',
        headlineLevel: 3,
      },
      { text: winAnsi(j.text), style: ['p', 'entry'] },
    ]),
  ];
}

function consents(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const d = (x: string | null) => fileDate(f.lang, x);
  const hidden = f.consents.hidden.map((m) => t.recipients[m] ?? m);
  const hiddenNote = hidden.length ? [note(t.consentsHidden.replace('{{recipients}}', hidden.join(', ')))] : [];
  if (!f.consents.items.length && hidden.length) return [h2(t.consents), ...hiddenNote];
  if (!f.consents.items.length) return [h2(t.consents), note(t.noConsents)];
  // Two rows per consent: recipient, form and dates, then the purpose across the whole width.
  const body: TableCell[][] = [th([t.recipient, t.form, t.given, t.withdrawn])];
  for (const c of f.consents.items) {
    body.push(
      [
        { text: w(c.recipient), bold: true },
        w(c.form),
        w(`${d(c.givenOn)}${c.givenBy ? `\n${t.givenBy}: ${c.givenBy}` : ''}${c.validUntil ? `\n${t.validUntil} ${d(c.validUntil)}` : ''}`),
        w(c.withdrawnOn ? `${d(c.withdrawnOn)}${c.withdrawalNote ? `\n${c.withdrawalNote}` : ''}` : t.inForce),
      ],
      [{ text: w(`${t.purpose}: ${c.purpose}`), colSpan: 4, style: 'purposeCell' }, '', '', ''],
    );
  }
  return [
    h2(t.consents),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 70, 110, 110], body },
      layout: {
        hLineWidth: (i, node) => (i === 1 ? 1 : i > 1 && (i % 2 === 1 || i === node.table.body.length) ? 0.5 : 0),
        vLineWidth: () => 0,
        hLineColor: () => '#aaaaaa',
      },
      style: ['table', 'small'],
    },
    ...hiddenNote,
  ];
}

function accessLog(f: HouseholdFile): Content[] {
  const { t } = f.labels;
  const { items, limit } = f.accessLog;
  return [
    h2(t.accessLog),
    note(t.accessLogNote(items.length, limit)),
    table(
      [70, 92, 96, '*', 52],
      [t.time, t.actor, t.role, t.action, t.outcome],
      items.map((e) => [
        w(fileDateTime(f.lang, e.occurredAt)),
        w(e.actor ?? t.system),
        w(e.role === null ? t.none : f.labels.role(e.role)),
        w(`${f.labels.action(e.action)}${e.purpose ? ` (${e.purpose})` : ''}`),
        w(f.labels.outcome(e.outcome)),
      ]),
      t.none,
    ),
  ];
}

/** The household's file as PDF bytes. */
export function householdFilePdf(f: HouseholdFile): Promise<Buffer> {
  const { t } = f.labels;
  const content: Content[] = [
    ...titleBlock(f),
    ...masterData(f),
    ...needs(f),
    ...programmes(f),
    ...journal(f),
    ...consents(f),
    ...accessLog(f),
  ];
  return renderDefinition(
    framedDefinition(
      `${t.title} ${f.household.reference}`,
      f.letterhead,
      content,
      {
        h3: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
        th: { bold: true },
        key: { color: '#444444' },
        table: { margin: [0, 0, 0, 8] },
        small: { fontSize: 8.5, lineHeight: 1.1 },
        note: { fontSize: 9, italics: true, color: '#444444' },
        confidential: { bold: true, margin: [0, 16, 0, 0] },
        entryHead: { fontSize: 9, bold: true, margin: [0, 6, 0, 1] },
        entry: { fontSize: 9.5, margin: [0, 0, 0, 4] },
        purposeCell: { color: '#444444', margin: [0, 0, 0, 3] },
      },
      { language: f.lang === 'de' ? 'de-DE' : 'en-GB', notice: t.confidential, page: t.page },
    ),
  );
}
