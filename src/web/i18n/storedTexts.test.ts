import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { storedText } from './storedText';

/*
 * Texts the server stores as keys (deadline titles `deadlineTitle.…`, notifications `notice.…`):
 * every key used anywhere in src/server must have its text in German and English, or the web would
 * fall back to the stored German for everyone.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every `'deadlineTitle.x'` and `'notice.x'` string literal in the server's source. */
function serverKeys(): string[] {
  const keys = new Set<string>();
  for (const file of filesUnder(join(import.meta.dirname, '../../server'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:deadlineTitle|notice|tenancyTimeline)\.[A-Za-z0-9_]+)['"`]/g))
      keys.add(m[1]!);
  }
  return [...keys].sort();
}

type Tree = { [k: string]: string | Tree };
const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], tree);

/** A deadline title is one text (or its plural forms); a notification has a title and may have a body. */
function missing(tree: Tree, key: string): string[] {
  if (key.startsWith('notice.')) return typeof at(tree, `${key}.title`) === 'string' ? [] : [`${key}.title`];
  return typeof at(tree, key) === 'string' || typeof at(tree, `${key}_one`) === 'string' ? [] : [key];
}

describe('stored text keys', () => {
  const keys = serverKeys();

  it('finds the keys the server uses', () => {
    expect(keys).toContain('deadlineTitle.offer_check');
    expect(keys).toContain('notice.deadlineAlert');
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });

  it('every key the server stores has its German and English text', () => {
    expect(keys.flatMap((k) => missing(de as unknown as Tree, k))).toEqual([]);
    expect(keys.flatMap((k) => missing(en as unknown as Tree, k))).toEqual([]);
  });
});

describe('storedText', () => {
  async function instance(lng: 'de' | 'en') {
    const i18n = createInstance();
    await i18n.init({
      lng,
      resources: { de: { translation: de }, en: { translation: en } },
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    return {
      exists: (k: string, o?: Record<string, string | number>) => i18n.exists(k, o),
      t: (k: string, o?: object) => (i18n.t as unknown as (k: string, o?: object) => string)(k, o),
    };
  }

  it('renders a key in the language, dates formatted, plural by count', async () => {
    const params = { reference: 'MS-2026-0001', endOn: '2027-03-31', count: 1 };
    expect(storedText(await instance('en'), 'deadlineTitle.guarantee_reminder', params, 'x')).toBe(
      'Guarantee MS-2026-0001 ends on 31.03.2027 (1 month left): prepare the closing review',
    );
    expect(storedText(await instance('de'), 'deadlineTitle.guarantee_reminder', { ...params, count: 6 }, 'x')).toBe(
      'Garantie MS-2026-0001 endet am 31.03.2027 (noch 6 Monate): Abschlussbewertung vorbereiten',
    );
  });

  it('nests a deadline title in a reminder and a code in a title', async () => {
    const en = await instance('en');
    const params = { titleKey: 'deadlineTitle.incident_forward', incident: 'VF-1', kind: 'conflict', tenancy: 'MV-1', dueOn: '2026-12-09' };
    expect(storedText(en, 'notice.deadlineReminder.title', params, 'x')).toBe(
      'Reminder: VF-1: forward the conflict to social work (MV-1) by 09.12.2026',
    );
  });

  it('falls back to the stored text without a key or for an unknown key', async () => {
    const en = await instance('en');
    expect(storedText(en, null, null, 'Angebot A-1 prüfen')).toBe('Angebot A-1 prüfen');
    expect(storedText(en, 'deadlineTitle.no_such_kind', {}, 'Angebot A-1 prüfen')).toBe('Angebot A-1 prüfen');
  });
});
