import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openapiTypes, TYPES_FILE } from '../../../scripts/openapi';

describe("the web client's API types", () => {
  it('match the current route schemas (else run `npm run openapi`)', async () => {
    const committed = await readFile(TYPES_FILE, 'utf8');
    const current = await openapiTypes();
    // Not toBe: a failing diff of a 900 kB string would be unreadable.
    expect(committed === current, 'src/web/api/openapi.d.ts is stale: run `npm run openapi` and commit it').toBe(true);
  }, 60_000);
});
