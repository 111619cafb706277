import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * "Queries only in repositories" (issue 12), for every file under modules/ and platform/, subfolders
 * included. prevention.bulk.ts is the tuned bulk writer of the list import and keeps its statements.
 */
const ROOT = path.resolve(import.meta.dirname, '../src/server');
// platform/access/access.ts declares the scopes: SQL predicates that repositories put into their
// statements, no statements of its own.
const EXEMPT = new Set(['modules/prevention/prevention.bulk.ts', 'platform/access/access.ts']);
const QUERY = /\.(selectFrom|updateTable|insertInto|deleteFrom)\(|\bsql(<[^>]*>)?`/;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

describe('one data path', () => {
  it('keeps every query of the modules and the platform in a *.repository.ts file', () => {
    const offenders = [...sources('modules'), ...sources('platform')].filter(
      (rel) => !rel.endsWith('.repository.ts') && !EXEMPT.has(rel) && QUERY.test(fs.readFileSync(path.join(ROOT, rel), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

/*
 * "A module uses another module through that module's service, never its tables": every table is
 * written by the repositories of one folder. Users and sessions are shared by the users module and
 * platform/auth (login writes failed attempts and sessions). The list import's tuned bulk writer
 * (prevention.bulk.ts, no repository) inserts households in bulk and is reviewed apart.
 */
const SHARED_WRITERS: Record<string, string[]> = {
  users: ['modules/users', 'platform/auth'],
  // A steering body's tenant is created with the body in one owner transaction (CLI and seed only).
  agencies: ['modules/agencies', 'modules/steering'],
};

function repositories(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return repositories(rel);
    return e.name.endsWith('.repository.ts') ? [rel] : [];
  });
}

describe('module ownership', () => {
  it('lets one folder write each table', () => {
    const writers = new Map<string, Set<string>>();
    for (const file of [...repositories('modules'), ...repositories('platform')]) {
      const owner = file.split('/').slice(0, 2).join('/');
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\.(?:updateTable|insertInto|deleteFrom)\('([a-z_]+)/g)) {
        const set = writers.get(m[1]!) ?? new Set<string>();
        set.add(owner);
        writers.set(m[1]!, set);
      }
    }
    expect(writers.get('households')).toEqual(new Set(['modules/households']));
    const offenders = [...writers]
      .filter(([table, folders]) => folders.size > 1 && [...folders].some((f) => !(SHARED_WRITERS[table] ?? []).includes(f)))
      .map(([table, folders]) => `${table}: ${[...folders].join(', ')}`);
    expect(offenders).toEqual([]);
  });
});
