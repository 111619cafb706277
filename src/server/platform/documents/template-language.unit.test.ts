import { describe, expect, it } from 'vitest';
import { NBSP } from '../../../contracts/format.js';
import {
  blocksToText,
  formatValue,
  MISSING,
  placeholdersIn,
  renderBlocks,
  validateTemplate,
  valueAt,
  type PlaceholderDef,
} from './template-language.js';
import { DOCUMENT_KIND_DEFS, placeholderKeys, SAMPLE_DATA } from './templates.js';

const defs: PlaceholderDef[] = [
  { key: 'provider.name', description: 'Vermieter' },
  { key: 'lease.start', description: 'Mietbeginn', type: 'date' },
  { key: 'guarantee.max', description: 'Höchstbetrag', type: 'money' },
  { key: 'guarantee.items', description: 'Posten', type: 'list' },
  { key: 'household.address', description: 'Anschrift' },
];
const keys = defs.map((d) => d.key);

describe('validateTemplate', () => {
  it('accepts a template that uses only allowed placeholders, with or without spaces in the braces', () => {
    expect(validateTemplate('# Titel\n{{provider.name}} ab {{ lease.start }}\n- {{guarantee.items}}', keys)).toEqual([]);
  });

  it('refuses unknown placeholders and lists every one of them once', () => {
    const issues = validateTemplate('{{provider.name}} {{provider.iban}} {{foo}} {{foo}}', keys);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('unknown_placeholder');
    expect(issues[0]!.message).toContain('{{provider.iban}}, {{foo}}');
    expect(issues[0]!.message).not.toContain('{{provider.name}}');
  });

  it('refuses malformed placeholders and unclosed bold, naming the line', () => {
    expect(validateTemplate('Text\n{{provider.name}', keys)).toEqual([
      expect.objectContaining({ code: 'malformed_placeholder', message: expect.stringContaining('Zeile 2') }),
    ]);
    expect(validateTemplate('{{ }}', keys)[0]!.code).toBe('malformed_placeholder');
    expect(validateTemplate('{{provider name}}', keys)[0]!.code).toBe('malformed_placeholder');
    expect(validateTemplate('Eins\nZwei **fett', keys)).toEqual([
      expect.objectContaining({ code: 'unbalanced_bold', message: expect.stringContaining('Zeile 2') }),
    ]);
  });

  it.each(Object.values(DOCUMENT_KIND_DEFS))('the default body of $kind is valid and uses only its own placeholders', (def) => {
    expect(validateTemplate(def.defaultBody, placeholderKeys(def))).toEqual([]);
    expect(placeholdersIn(def.defaultBody).length).toBeGreaterThan(5);
    for (const p of def.placeholders) expect(valueAt(SAMPLE_DATA, p.key), `sample for ${p.key}`).toBeDefined();
  });
});

describe('renderBlocks', () => {
  it('turns headings, paragraphs with kept line breaks, bullets and bold into blocks', () => {
    const blocks = renderBlocks('# Vertrag\n\nZeile eins\nZeile **zwei**\n\n## Teil\n- erstens\n- **zweitens**\nnach der Liste', {}, defs);
    expect(blocks).toEqual([
      { type: 'heading', level: 1, spans: [{ text: 'Vertrag', bold: false }] },
      {
        type: 'paragraph',
        lines: [
          [{ text: 'Zeile eins', bold: false }],
          [
            { text: 'Zeile ', bold: false },
            { text: 'zwei', bold: true },
          ],
        ],
      },
      { type: 'heading', level: 2, spans: [{ text: 'Teil', bold: false }] },
      { type: 'bullets', items: [[{ text: 'erstens', bold: false }], [{ text: 'zweitens', bold: true }]] },
      { type: 'paragraph', lines: [[{ text: 'nach der Liste', bold: false }]] },
    ]);
  });

  it('formats dates and amounts by placeholder type and shows missing values as a dash', () => {
    const text = blocksToText(
      renderBlocks(
        '{{provider.name}}: ab {{lease.start}} bis {{guarantee.max}}; fehlt: {{household.address}}',
        {
          provider: { name: 'Wohnbau Süd' },
          lease: { start: '2026-12-01' },
          guarantee: { max: 123456 },
        },
        defs,
      ),
    );
    expect(text).toBe(`Wohnbau Süd: ab 01.12.2026 bis 1.234,56${NBSP}€; fehlt: ${MISSING}`);
    expect(blocksToText(renderBlocks('[{{provider.name}}]', { provider: { name: '  ' } }, defs))).toBe(`[${MISSING}]`);
  });

  it('expands a list placeholder alone on a bullet line into one bullet per entry, elsewhere joins it', () => {
    const data = { guarantee: { items: ['Mietrückstände', 'Schäden'] } };
    expect(renderBlocks('- {{guarantee.items}}', data, defs)).toEqual([
      { type: 'bullets', items: [[{ text: 'Mietrückstände', bold: false }], [{ text: 'Schäden', bold: false }]] },
    ]);
    expect(blocksToText(renderBlocks('Posten: {{guarantee.items}}', data, defs))).toBe('Posten: Mietrückstände, Schäden');
    expect(blocksToText(renderBlocks('- {{guarantee.items}}', { guarantee: { items: [] } }, defs))).toBe(`• ${MISSING}`);
  });

  it('inserts values as plain text: markup inside a value stays literal, line breaks stay line breaks', () => {
    const blocks = renderBlocks(
      'An: {{provider.name}}\n{{household.address}}',
      { provider: { name: '**Böse** # GmbH' }, household: { address: 'Weg 1\n12345 Ort' } },
      defs,
    );
    expect(blocks).toEqual([
      { type: 'paragraph', lines: [[{ text: 'An: **Böse** # GmbH', bold: false }], [{ text: 'Weg 1\n12345 Ort', bold: false }]] },
    ]);
  });

  it('reads flat keys as well as nested objects, and renders placeholders it does not know', () => {
    expect(valueAt({ 'lease.start': '2026-01-01' }, 'lease.start')).toBe('2026-01-01');
    expect(valueAt({ lease: { start: '2026-02-01' } }, 'lease.start')).toBe('2026-02-01');
    expect(valueAt({ lease: 'x' }, 'lease.start')).toBeUndefined();
    expect(blocksToText(renderBlocks('{{other.thing}}', { other: { thing: 42 } }, defs))).toBe('42');
  });

  it('normalises Windows line ends', () => {
    expect(renderBlocks('a\r\nb\r\n\r\nc', {}, defs)).toHaveLength(2);
  });
});

describe('formatValue', () => {
  it('formats every kind of value', () => {
    expect(formatValue(null, 'text')).toBe(MISSING);
    expect(formatValue(true, undefined)).toBe('ja');
    expect(formatValue(72.5, undefined)).toBe('72,5');
    expect(formatValue('kein Datum', 'date')).toBe('kein Datum');
    expect(formatValue('schon formatiert', 'money')).toBe('schon formatiert');
    expect(formatValue(['2026-01-01', '2026-02-01'], 'date')).toBe('01.01.2026, 01.02.2026');
  });
});
