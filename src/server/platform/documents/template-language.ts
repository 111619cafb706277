import { formatDate, formatEuro } from '../../../contracts/format.js';

/**
 * The template language of agency-editable letters and contracts. Plain text, no HTML or Markdown
 * beyond these few rules, so an administrator can edit it in a textarea and nothing can inject
 * markup or scripts:
 *
 *   # Überschrift          a line starting with "# " is a main heading, "## " a sub-heading
 *   - Aufzählung           a line starting with "- " is a bullet; consecutive bullets form a list
 *   (blank line)           starts a new paragraph; single line breaks inside a paragraph are kept
 *                          (address blocks, signature lines)
 *   **fett**               bold, opened and closed on the same line
 *   ______________         a paragraph starting with a line of 10 or more underscores is a
 *                          signature line: the PDF leaves room above it to sign
 *   {{provider.name}}      a placeholder; spaces inside the braces are allowed ({{ today }})
 *
 * Placeholders must be among those registered for the document kind, or the template is refused
 * when saved. At render time a missing or empty value is shown as "—", never as nothing. Values
 * are inserted as plain text after the structure is parsed, so a value containing "**" or "# "
 * stays literal; a value with line breaks (an address) keeps them. A bullet line that holds only
 * one placeholder whose value is a list becomes one bullet per entry.
 */

export type PlaceholderType = 'text' | 'date' | 'money' | 'list';

export interface PlaceholderDef {
  key: string;
  /** German, shown to the administrator next to the editor. */
  description: string;
  /** How a value is formatted: date 'YYYY-MM-DD' → TT.MM.JJJJ, money cents → 1.234,56 €, list → bullets. */
  type?: PlaceholderType;
}

export interface Span {
  text: string;
  bold: boolean;
}
export type Block =
  { type: 'heading'; level: 1 | 2; spans: Span[] } | { type: 'paragraph'; lines: Span[][] } | { type: 'bullets'; items: Span[][] };

export interface TemplateIssue {
  code: 'unknown_placeholder' | 'malformed_placeholder' | 'unbalanced_bold';
  message: string;
}

export const MISSING = '—';
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}/g;
const ANY_BRACES = /\{\{[^}]*\}\}|\{\{|\}\}/g;
const ONLY_PLACEHOLDER = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*\}\}\s*$/;

const lines = (body: string) => body.replace(/\r\n?/g, '\n').split('\n');

/** Every placeholder key used in a template body, in order of first use. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Problems that make a template unusable; an empty list means it may be saved. */
export function validateTemplate(body: string, allowed: readonly string[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const known = new Set(allowed);
  const unknown = placeholdersIn(body).filter((k) => !known.has(k));
  if (unknown.length) {
    issues.push({
      code: 'unknown_placeholder',
      message: `Unbekannte Platzhalter: ${unknown.map((k) => `{{${k}}}`).join(', ')}. Erlaubt sind nur die aufgeführten Platzhalter.`,
    });
  }
  lines(body).forEach((line, i) => {
    const stray = [...line.matchAll(ANY_BRACES)].map((m) => m[0]).filter((m) => !new RegExp(`^${PLACEHOLDER.source}$`).test(m));
    if (stray.length) {
      issues.push({
        code: 'malformed_placeholder',
        message: `Zeile ${i + 1}: Platzhalter „${stray[0]}“ ist fehlerhaft. Form: {{bereich.name}}.`,
      });
    }
    if ((line.match(/\*\*/g) ?? []).length % 2 === 1) {
      issues.push({ code: 'unbalanced_bold', message: `Zeile ${i + 1}: Fettdruck mit ** wird in derselben Zeile nicht geschlossen.` });
    }
  });
  return issues;
}

type Data = Record<string, unknown>;

/** A value by dotted path: a flat key ('lease.start') first, then the nested object path. */
export function valueAt(data: Data, key: string): unknown {
  if (key in data) return data[key];
  let cur: unknown = data;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as Data))) return undefined;
    cur = (cur as Data)[part];
  }
  return cur;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** One value as text in the placeholder's format; missing or empty → "—". */
export function formatValue(value: unknown, type: PlaceholderType | undefined): string {
  if (isEmpty(value)) return MISSING;
  if (Array.isArray(value)) return value.map((v) => formatValue(v, type === 'list' ? undefined : type)).join(', ');
  if (type === 'money' && typeof value === 'number') return formatEuro(value) || MISSING;
  if (type === 'date' && typeof value === 'string') return formatDate(value, 'Europe/Berlin') || value;
  if (value instanceof Date) return formatDate(value.toISOString(), 'Europe/Berlin');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toLocaleString('de-DE');
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return String(value);
}

/** Splits a line at "**" into spans; an odd last marker stays literal (validation refuses it anyway). */
function spansOf(line: string): Span[] {
  const parts = line.split('**');
  if (parts.length % 2 === 0) parts[parts.length - 2] += `**${parts.pop()}`;
  return parts.map((text, i) => ({ text, bold: i % 2 === 1 })).filter((s) => s.text !== '');
}

function fill(spans: Span[], data: Data, types: Map<string, PlaceholderType | undefined>): Span[] {
  return spans.map((s) => ({
    ...s,
    text: s.text.replace(PLACEHOLDER, (_, key: string) => formatValue(valueAt(data, key), types.get(key))),
  }));
}

/**
 * Parses the body and fills in the values: the blocks a renderer lays out. Placeholders that are
 * not defined still render (as their value or "—"), so a stale saved template never fails a letter.
 */
export function renderBlocks(body: string, data: Data, defs: readonly PlaceholderDef[]): Block[] {
  const types = new Map(defs.map((d) => [d.key, d.type]));
  const blocks: Block[] = [];
  let para: Span[][] | null = null;
  let bullets: Span[][] | null = null;
  const close = () => {
    if (para) blocks.push({ type: 'paragraph', lines: para });
    if (bullets) blocks.push({ type: 'bullets', items: bullets });
    para = null;
    bullets = null;
  };
  for (const raw of lines(body)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      close();
    } else if (line.startsWith('# ') || line.startsWith('## ')) {
      close();
      const level = line.startsWith('## ') ? 2 : 1;
      blocks.push({ type: 'heading', level, spans: fill(spansOf(line.slice(level + 1).trim()), data, types) });
    } else if (line.startsWith('- ')) {
      if (para) close();
      bullets ??= [];
      const text = line.slice(2).trim();
      const only = ONLY_PLACEHOLDER.exec(text);
      const value = only ? valueAt(data, only[1]!) : undefined;
      if (only && Array.isArray(value) && value.length > 0) {
        for (const v of value) bullets.push([{ text: formatValue(v, undefined), bold: false }]);
      } else {
        bullets.push(fill(spansOf(text), data, types));
      }
    } else {
      if (bullets) close();
      para ??= [];
      para.push(fill(spansOf(line), data, types));
    }
  }
  close();
  return blocks;
}

/** The blocks as plain text (one line per line, bullets with "• "): for tests and mail bodies. */
export function blocksToText(blocks: Block[]): string {
  const text = (spans: Span[]) => spans.map((s) => s.text).join('');
  return blocks
    .map((b) =>
      b.type === 'heading'
        ? text(b.spans)
        : b.type === 'paragraph'
          ? b.lines.map(text).join('\n')
          : b.items.map((i) => `• ${text(i)}`).join('\n'),
    )
    .join('\n\n');
}
