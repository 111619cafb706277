import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../../test/helpers.js';
import { inAgency, readInAgency } from './database.js';

describe('the pipelined pool on a real server', () => {
  it('round-trips large text and bytes as parameters, in the agency context, first statement or later', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const text = `Zeile mit 'Apostroph', Backslash \\ und Umlauten äöü ${'x'.repeat(20_000)}`;
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 37) % 256));
    const out = await inAgency(app, agency.id, async (tx) => {
      // First statement: the deferred BEGIN and agency setting go ahead of it, its large values
      // as parameters.
      const first = await sql<{ t: string; b: Buffer; agency: string }>`SELECT ${text}::text AS t, ${bytes}::bytea AS b, current_setting('app.agency_id') AS agency`.execute(tx);
      // Later statement with large values: sent through the extended protocol.
      const later = await sql<{ t: string; b: Buffer; agency: string }>`SELECT ${text}::text AS t, ${bytes}::bytea AS b, current_setting('app.agency_id') AS agency`.execute(tx);
      return { first: first.rows[0]!, later: later.rows[0]! };
    });
    for (const r of [out.first, out.later]) {
      expect(r.t).toBe(text);
      expect(Buffer.compare(r.b, bytes)).toBe(0);
    }
    expect(out.first.agency).toBe(agency.id);
    expect(out.later.agency).toBe(agency.id);
  });

  it('inlines large values into a one-statement read, which must share the agency setting', async () => {
    const { app } = testDbs();
    const agency = await createAgency();
    const text = `Zeile mit 'Apostroph' ${'y'.repeat(20_000)}`;
    const row = await readInAgency(app, agency.id, async (tx) => (await sql<{ t: string; agency: string }>`SELECT ${text}::text AS t, current_setting('app.agency_id', true) AS agency`.execute(tx)).rows[0]!);
    expect(row.t).toBe(text);
    expect(row.agency).toBe(agency.id);
  });
});
