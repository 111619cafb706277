import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * "Queries only in repositories" (issue 12), checked for the folders already in that shape. Add a
 * folder here once its services hold no query. prevention.bulk.ts and import/ are the tuned bulk
 * writers of the list import and keep their statements. modules/placement waits for pool.ts (the
 * pool query still lives beside its logic).
 */
const ROOT = path.resolve(import.meta.dirname, '../src/server');
const FOLDERS = [
  'modules/users',
  'modules/agencies',
  'modules/providers',
  'modules/households',
  'modules/prevention',
  'modules/sustainment',
  'platform/auth',
  'platform/deadlines',
  'platform/mail',
  'platform/effects',
  'platform/http',
];
const EXEMPT = new Set(['modules/prevention/prevention.bulk.ts']);
const QUERY = /\.(selectFrom|updateTable|insertInto|deleteFrom)\(|\bsql(<[^>]*>)?`/;

describe('one data path', () => {
  it('keeps every query of these folders in a *.repository.ts file', () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      for (const name of fs.readdirSync(path.join(ROOT, folder))) {
        const rel = `${folder}/${name}`;
        if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.endsWith('.repository.ts') || EXEMPT.has(rel)) continue;
        const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
        if (QUERY.test(text)) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});
