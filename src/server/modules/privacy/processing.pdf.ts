import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { framedDefinition, renderDefinition, winAnsi, type Letterhead } from '../../platform/documents/render.js';
import { fileDateTime } from '../households/file.labels.js';
import { COMMON_MEASURES, PROCESSING_ACTIVITIES } from './processing.registry.js';

/* The records of processing activities (Art. 30 DSGVO) as the data-protection officer files them. */

const TEXTS = {
  de: {
    title: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)',
    controller: 'Verantwortliche Stelle',
    generatedAt: 'Stand',
    intro: 'Erzeugt aus dem Verzeichnis im Programmcode (processing.registry.ts): es ändert sich, wenn sich der Code ändert.',
    common: 'Gemeinsame technische und organisatorische Maßnahmen (Art. 32 DSGVO)',
    purposes: 'Zwecke und Rechtsgrundlagen',
    purpose: 'Zweck',
    legalBasis: 'Rechtsgrundlage',
    data: 'Kategorien personenbezogener Daten',
    subjects: 'Kategorien betroffener Personen',
    recipients: 'Empfänger',
    retention: 'Löschfrist',
    measures: 'Besondere Maßnahmen',
    module: 'Modul',
    page: (c: number, n: number) => `Seite ${c} von ${n}`,
  },
  en: {
    title: 'Records of processing activities (Art. 30 GDPR)',
    controller: 'Controller',
    generatedAt: 'As of',
    intro: 'Generated from the registry in the code (processing.registry.ts): it changes when the code changes.',
    common: 'Common technical and organisational measures (Art. 32 GDPR)',
    purposes: 'Purposes and legal bases',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    data: 'Categories of personal data',
    subjects: 'Categories of data subjects',
    recipients: 'Recipients',
    retention: 'Retention',
    measures: 'Specific measures',
    module: 'Module',
    page: (c: number, n: number) => `Page ${c} of ${n}`,
  },
} satisfies Record<ExportLang, unknown>;

const th = (cells: string[]): TableCell[] => cells.map((c) => ({ text: winAnsi(c), bold: true }));

/** The records of processing as PDF bytes. */
export function processingRecordsPdf(letterhead: Letterhead, lang: ExportLang, now = new Date()): Promise<Buffer> {
  const t = TEXTS[lang];
  const list = (items: { de: string; en: string }[]): Content => ({ ul: items.map((i) => winAnsi(i[lang])), style: 'p' });
  const content: Content[] = [
    { text: winAnsi(t.title), style: 'h1', headlineLevel: 1 },
    { text: winAnsi(`${t.controller}: ${letterhead.agencyName} · ${t.generatedAt}: ${fileDateTime(lang, now)}`), style: 'p' },
    { text: winAnsi(t.intro), style: ['p', 'note'] },
    { text: winAnsi(t.common), style: 'h2', headlineLevel: 2 },
    list(COMMON_MEASURES),
    ...PROCESSING_ACTIVITIES.flatMap((a, i): Content[] => [
      { text: winAnsi(`${i + 1}. ${a.name[lang]}`), style: 'h2', headlineLevel: 2, pageBreak: 'before' },
      { text: winAnsi(`${t.module}: ${a.module}`), style: ['p', 'note'] },
      { text: winAnsi(t.purposes), style: 'h3' },
      {
        table: {
          headerRows: 1,
          widths: ['*', '*'],
          body: [th([t.purpose, t.legalBasis]), ...a.purposes.map((q) => [winAnsi(q.purpose[lang]), winAnsi(q.legalBasis[lang])])],
        },
        layout: 'lightHorizontalLines',
        style: 'small',
      },
      { text: winAnsi(t.data), style: 'h3' },
      list(a.dataCategories),
      { text: winAnsi(t.subjects), style: 'h3' },
      list(a.subjects),
      { text: winAnsi(t.recipients), style: 'h3' },
      list(a.recipients),
      { text: winAnsi(t.retention), style: 'h3' },
      { text: winAnsi(a.retention[lang]), style: 'p' },
      ...(a.measures.length ? [{ text: winAnsi(t.measures), style: 'h3' } as Content, list(a.measures)] : []),
    ]),
  ];
  return renderDefinition(
    framedDefinition(
      t.title,
      letterhead,
      content,
      {
        h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
        small: { fontSize: 9, margin: [0, 0, 0, 6] },
        note: { fontSize: 9, italics: true, color: '#444444' },
      },
      { language: lang === 'de' ? 'de-DE' : 'en-GB', page: t.page },
    ),
  );
}
