import { describe, expect, it } from 'vitest';
import { exportHref } from './ExportLinks';

describe('export link of a list', () => {
  it("carries the list's filters and the language, not its paging or empty values", () => {
    const href = exportHref(
      '/households',
      'xlsx',
      { q: 'Müller', situation: '', mine: true, page: 3, pageSize: 50, sort: 'name', x: null },
      'de',
    );
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/api/v1/households/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'xlsx', lang: 'de', q: 'Müller', mine: 'true', sort: 'name' });
  });
  it('asks for English headers in English, German otherwise', () => {
    expect(new URL(exportHref('/deadlines', 'csv', {}, 'en'), 'http://x').searchParams.get('lang')).toBe('en');
    expect(new URL(exportHref('/deadlines', 'csv', {}, 'fr'), 'http://x').searchParams.get('lang')).toBe('de');
  });
});
