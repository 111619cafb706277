import { createRequire } from 'node:module';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderBlocks, type Block, type PlaceholderDef, type Span } from './template-language.js';

/**
 * PDF rendering with pdfmake's Node printer and the standard 14 PDF fonts (Helvetica family): no
 * font files to ship, and readers everywhere have them. These fonts use WinAnsiEncoding, which
 * covers German completely (ä ö ü Ä Ö Ü ß), the € sign, „…“ quotes, dashes and the no-break space;
 * a test renders and re-reads all of them. Characters outside WinAnsi (Turkish ı ş ğ, Polish ł,
 * Cyrillic …) cannot be drawn by these fonts: `winAnsi` transliterates them (ş → s, ı → i) rather
 * than letting them turn into garbage. pdfmake's bundled Roboto would cover more scripts; switching
 * is a font setting here if an agency needs it.
 *
 * pdfmake is configured once, globally, in this module: standard fonts only, no URL or file access.
 */
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof import('pdfmake');
const FONT = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const STANDARD_FONTS = new Set(Object.values(FONT));
pdfmake.addFonts({ Helvetica: FONT });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => STANDARD_FONTS.has(p));

// WinAnsiEncoding beyond Latin-1: code points that sit at 0x80–0x9F.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FALLBACK: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  ĸ: 'k',
  '\u2011': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u202f': '\u00a0',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u200b': '',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2032': "'",
  '\u2033': '"',
};

const encodable = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

/**
 * Text the standard fonts can draw: unchanged when it can, else letters without their accents.
 * "§ 402" keeps the paragraph sign with its number (no-break space).
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/§ /g, '§\u00a0')) {
    if (encodable(ch)) out += ch;
    else if (ch in FALLBACK) out += FALLBACK[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(encodable) ? base : ch === '\t' ? ' ' : '?';
    }
  }
  return out;
}

export interface Letterhead {
  agencyName: string;
  /** Multi-line address; shown in one line under the name. */
  address?: string;
  /** Small print at the bottom of every page (opening hours, bank details). */
  footer?: string;
}

export interface RenderInput {
  title: string;
  body: string;
  data: Record<string, unknown>;
  letterhead: Letterhead;
  /** Placeholder definitions for formatting (dates, amounts, lists); without them values print as they are. */
  placeholders?: readonly PlaceholderDef[];
}

const MARGIN = { left: 70, right: 60, top: 105, bottom: 70 };
const GREY = '#555555';
const A4_WIDTH = 595.28;
/** A line of underscores only is a signature line: room above it to sign. */
const SIGNATURE_LINE = /^_{10,}$/;

// `bold: false` would override a heading style's bold, so plain spans carry no bold property.
const inline = (spans: Span[]): ContentText[] =>
  spans.map((s) => (s.bold ? { text: winAnsi(s.text), bold: true } : { text: winAnsi(s.text) }));
const plain = (spans: Span[]) =>
  spans
    .map((s) => s.text)
    .join('')
    .trim();

function blockContent(b: Block): Content {
  switch (b.type) {
    case 'heading':
      return { text: inline(b.spans), style: b.level === 1 ? 'h1' : 'h2', headlineLevel: b.level };
    case 'paragraph': {
      const signature = b.lines[0] !== undefined && SIGNATURE_LINE.test(plain(b.lines[0]));
      return {
        text: b.lines.flatMap((l, i) => (i === 0 ? inline(l) : [{ text: '\n' }, ...inline(l)])),
        style: signature ? ['p', 'signature'] : 'p',
        unbreakable: signature,
      };
    }
    case 'bullets':
      return { ul: b.items.map((item) => ({ text: inline(item) })), style: 'p' };
  }
}

function header(l: Letterhead): Content {
  const address = l.address
    ?.split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
  return {
    margin: [MARGIN.left, 36, MARGIN.right, 0],
    stack: [
      { text: winAnsi(l.agencyName), bold: true, fontSize: 12 },
      ...(address
        ? [{ text: winAnsi(address), fontSize: 8.5, color: GREY, margin: [0, 2, 0, 0] as [number, number, number, number] }]
        : []),
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: A4_WIDTH - MARGIN.left - MARGIN.right, y2: 6, lineWidth: 0.6, lineColor: '#888888' }] },
    ],
  };
}

/** Options of the page frame beyond the letterhead (defaults: German, no notice). */
export interface FrameOptions {
  /** Document language (PDF metadata), e.g. "en-GB". */
  language?: string;
  /** A line on every page above the small print, e.g. "Vertraulich – Sozialdaten (§ 35 SGB I)". */
  notice?: string;
  /** The page number as the language writes it. */
  page?: (current: number, count: number) => string;
}

const germanPage = (current: number, count: number) => `Seite ${current} von ${count}`;

/**
 * The page frame every PDF of the app shares: A4, the letterhead on every page, "Seite x von y" and
 * the small print in the footer, title and author metadata, Helvetica. `content` and `styles` are
 * the caller's (a letter from a template, a report with tables).
 */
export function framedDefinition(
  title: string,
  letterhead: Letterhead,
  content: Content[],
  styles: TDocumentDefinitions['styles'] = {},
  frame: FrameOptions = {},
): TDocumentDefinitions {
  const footerText = letterhead.footer ? winAnsi(letterhead.footer) : '';
  const notice = frame.notice ? winAnsi(frame.notice) : null;
  const page = frame.page ?? germanPage;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    language: frame.language ?? 'de-DE',
    info: {
      title: winAnsi(title),
      author: winAnsi(letterhead.agencyName),
      subject: winAnsi(title),
      creator: 'wohnhilfe',
      producer: 'wohnhilfe',
    },
    header: () => header(letterhead),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN.left, notice ? 18 : 25, MARGIN.right, 0],
      columns: [
        notice
          ? { stack: [{ text: notice, bold: true }, ...(footerText ? [{ text: footerText }] : [])], fontSize: 8, color: GREY, width: '*' }
          : { text: footerText, fontSize: 8, color: GREY, width: '*' },
        { text: winAnsi(page(currentPage, pageCount)), fontSize: 8, color: GREY, alignment: 'right', width: 'auto' },
      ],
    }),
    // A heading never stays alone at the bottom of a page. Header and footer nodes also appear among
    // the following nodes, so only body blocks (every one has a style) count.
    pageBreakBefore: (node, q) => !!node.headlineLevel && !q.getFollowingNodesOnPage().some((n) => n.style !== undefined),
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 6, 0, 12] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 4] },
      p: { margin: [0, 0, 0, 8] },
      signature: { margin: [0, 30, 0, 8] },
      ...styles,
    },
  };
}

/** The document definition of a letter from a template: the shared frame around the rendered blocks. */
export function documentDefinition(input: RenderInput): TDocumentDefinitions {
  const blocks = renderBlocks(input.body, input.data, input.placeholders ?? []);
  return framedDefinition(input.title, input.letterhead, blocks.map(blockContent));
}

/** Renders a document definition (built on `framedDefinition`) to PDF bytes. */
export async function renderDefinition(def: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(def).getBuffer();
}

/** Renders a template body with data to PDF bytes. */
export async function renderPdf(input: RenderInput): Promise<Buffer> {
  return pdfmake.createPdf(documentDefinition(input)).getBuffer();
}
