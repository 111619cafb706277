import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve('src/web');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('language chunks', () => {
  it('no page imports the German or English texts directly (each language is loaded as a chunk of its own)', () => {
    const offenders = sources(WEB).filter((file) =>
      /from '(\.\.?\/)+(i18n\/)?(de|en)(\/[^']*)?'/.test(readFileSync(file, 'utf8').replace(/import type [^;]+;/g, '')),
    );
    expect(offenders.map((f) => path.relative(WEB, f))).toEqual([]);
  });
});
