import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/pdf-text.js';
import { renderPdf, winAnsi, type Letterhead } from './render.js';
import { DOCUMENT_KIND_DEFS, SAMPLE_DATA } from './templates.js';

const letterhead: Letterhead = {
  agencyName: 'Stadt Überlingen – Fachstelle Wohnungsnotfälle',
  address: 'Münsterplatz 1\n88662 Überlingen',
  footer: 'Sprechzeiten Mo–Fr 8:30–12:00 Uhr',
};
const render = (kind: keyof typeof DOCUMENT_KIND_DEFS, data = SAMPLE_DATA) => {
  const def = DOCUMENT_KIND_DEFS[kind];
  return renderPdf({ title: def.title, body: def.defaultBody, data, letterhead, placeholders: def.placeholders });
};
const all = async (kind: keyof typeof DOCUMENT_KIND_DEFS) => {
  const pdf = await render(kind);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(pdf);
  // Lines wrap wherever the layout puts them: compare with whitespace collapsed.
  return { ...text, text: text.pages.join('\n').replace(/\s+/g, ' ') };
};

describe('renderPdf with the default templates', () => {
  it('guarantee contract: parties, object, amounts in German format, dates, items, umlauts, signature lines', async () => {
    const { text, pages, info } = await all('guarantee_contract');
    for (const s of [
      'Garantievertrag',
      'Stadt Musterstadt',
      'Wohnbau Süd GmbH & Co. KG',
      'Königstraße 12',
      'Özlem Yilmaz und Jörg Müller',
      'Lärchenweg 7, 2. OG links, 79102 Musterstadt',
      'beginnt am 01.12.2026',
      'Kaltmiete beträgt 612,50 €',
      '887,50 €',
      'Höchstbetrag von insgesamt 12.345,56 €',
      'vom 01.12.2026 bis zum 30.11.2031',
      'Mietrückstände (Kaltmiete, Betriebs- und Heizkosten)',
      'Kosten einer Räumung',
      '„Vermieter“',
      'Musterstadt, den 21.11.2026',
      'Für den Vermieter: Wohnbau Süd GmbH & Co. KG',
      'Aktenzeichen: WP-2026-00042',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('{{');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((p, i) => {
      expect(p).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(p).toContain('Stadt Überlingen – Fachstelle Wohnungsnotfälle');
      expect(p).toContain('Münsterplatz 1 · 88662 Überlingen');
      expect(p).toContain('Sprechzeiten Mo–Fr 8:30–12:00 Uhr');
    });
    expect(info.Title).toBe('Garantievertrag');
    expect(info.Author).toBe('Stadt Überlingen – Fachstelle Wohnungsnotfälle');
  });

  it('allocation notice: who gets which flat from when', async () => {
    const { text } = await all('allocation_notice');
    for (const s of [
      'Mitteilung über die Wohnungsvergabe',
      'Özlem Yilmaz und Jörg Müller',
      'Lärchenweg 7',
      '3 Zimmer, 72,5 m²',
      'am 01.12.2026',
      '612,50 €',
      'Jürgen Weiß',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('assignment declaration: amount and months of the assigned rent claim', async () => {
    const { text } = await all('assignment_declaration');
    for (const s of [
      'Abtretungserklärung',
      'Wohnbau Süd GmbH & Co. KG',
      'Januar 2027',
      'Februar 2027',
      'insgesamt 1.775,00 €',
      'Garantievertrag vom 25.11.2026',
      '§ 402 BGB',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('contact letter: offer of help with the appointment', async () => {
    const { text } = await all('contact_letter');
    for (const s of [
      'Unterstützung beim Erhalt Ihrer Wohnung',
      'Schöne Aussicht 3',
      'Datum: 03.12.2026',
      'Uhrzeit: 10:00 Uhr',
      'Rathausplatz 1, Zimmer 2.14',
      'juergen.weiss@musterstadt.example',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('commitment letter: amount, basis, court reference and validity', async () => {
    const { text } = await all('commitment_letter');
    for (const s of [
      'Verpflichtungserklärung',
      'Ihr Zeichen: 3 C 123/26',
      'Höhe von 2.662,50 €',
      'Rechtsgrundlage: § 22 Abs. 8 SGB II',
      'bis zum 31.01.2027',
      'Hausverwaltung Groß & Söhne',
      '§ 569 Abs. 3 Nr. 2 BGB',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('shows missing values as a dash, never as an empty gap or a raw placeholder', async () => {
    const def = DOCUMENT_KIND_DEFS.guarantee_contract;
    const pdf = await renderPdf({
      title: def.title,
      body: def.defaultBody,
      data: { provider: { name: 'Nur Name GmbH' } },
      letterhead,
      placeholders: def.placeholders,
    });
    const text = (await pdfText(pdf)).pages.join('\n');
    expect(text).toContain('Nur Name GmbH');
    expect(text).toContain('Höchstbetrag von insgesamt —');
    expect(text).not.toContain('{{');
  });

  it('draws €, ß, umlauts and German quotes with the standard fonts', async () => {
    const pdf = await renderPdf({ title: 'Zeichen', body: 'Größe: 1.234,56 € – „Straße“ ÄÖÜ äöü ß ‚x‘ … €uro', data: {}, letterhead });
    expect((await pdfText(pdf)).pages[0]).toContain('Größe: 1.234,56 € – „Straße“ ÄÖÜ äöü ß ‚x‘ … €uro');
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    // Filler lines move the heading down in steps of one line, smaller than the heading itself, so
    // one of these lengths puts it in the last lines of page 1 (without the rule: n = 54).
    let twoPages = 0;
    for (let n = 48; n <= 58; n++) {
      const body = [Array.from({ length: n }, (_, i) => `Zeile ${i + 1}`).join('\n'), '## Überschrift X', 'Text nach der Überschrift'].join(
        '\n\n',
      );
      const { pages } = await pdfText(await renderPdf({ title: 't', body, data: {}, letterhead }));
      const page = pages.find((p) => p.includes('Überschrift X'))!;
      expect(page, `${n} Zeilen`).toContain('Text nach der Überschrift');
      if (pages.length > 1) twoPages++;
    }
    expect(twoPages).toBeGreaterThan(0);
  });
});

describe('winAnsi', () => {
  it('keeps everything WinAnsi can encode and transliterates the rest', () => {
    expect(winAnsi('Äpfel, Öl, Übel, Straße – 5 € „gut“')).toBe('Äpfel, Öl, Übel, Straße – 5 € „gut“');
    expect(winAnsi('Yılmaz Şahin Łukasz Dvořák Đorđe İstanbul')).toBe('Yilmaz Sahin Lukasz Dvorák Dorde Istanbul');
    expect(winAnsi('Иван 😀')).toBe('???? ?');
    expect(winAnsi('§ 22')).toBe('§\u00a022');
  });
});
