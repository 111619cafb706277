import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../../test/helpers.js';
import { inAgency } from './database.js';

describe('the pipelined pool on a real server', () => {
  it('round-trips large text and bytes, inlined with the deferred BEGIN and as parameters after it', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const text = `Zeile mit 'Apostroph', Backslash \\ und Umlauten äöü ${'x'.repeat(20_000)}`;
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 37) % 256));
    const out = await inAgency(app, agency.id, async (tx) => {
      // First statement: travels with BEGIN, parameters inlined.
      const first = await sql<{ t: string; b: Buffer }>`SELECT ${text}::text AS t, ${bytes}::bytea AS b`.execute(tx);
      // Later statement with large values: sent through the extended protocol.
      const later = await sql<{ t: string; b: Buffer; agency: string }>`SELECT ${text}::text AS t, ${bytes}::bytea AS b, current_setting('app.agency_id') AS agency`.execute(tx);
      return { first: first.rows[0]!, later: later.rows[0]! };
    });
    for (const r of [out.first, out.later]) {
      expect(r.t).toBe(text);
      expect(Buffer.compare(r.b, bytes)).toBe(0);
    }
    expect(out.later.agency).toBe(agency.id);
  });
});
