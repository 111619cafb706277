import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../test/helpers.js';
import { createAgreement, createBody } from './steering.js';

describe('wohnhilfe steering-body', () => {
  it('creates a body with its own tenant and an agreement over declared figures with member agencies by AGS', async () => {
    const { owner } = testDbs();
    const [a, b] = [await createAgency(), await createAgency()];
    const ags = async (id: string) => (await owner.selectFrom('agencies').select('ags').where('id', '=', id).executeTakeFirstOrThrow()).ags;
    const bodyAgs = String(crypto.randomInt(10_000_000, 99_999_999));
    const tenant = await createBody(owner, { name: 'Senat CLI', ags: bodyAgs, state: 'BE' });
    await expect(createBody(owner, { name: 'Doppelt', ags: bodyAgs, state: 'BE' })).rejects.toThrow(/schon/);
    const opts = { body: bodyAgs, name: 'ZV CLI', from: '2026-01-01', members: `${await ags(a.id)},${await ags(b.id)}` };
    await expect(createAgreement(owner, { ...opts, figures: 'prevention.notices,erfunden.x' })).rejects.toThrow(/erfunden\.x/);
    await expect(createAgreement(owner, { ...opts, figures: 'prevention.notices', members: bodyAgs })).rejects.toThrow(/Keine Fachstelle/);
    const r = await createAgreement(owner, { ...opts, figures: 'prevention.notices, prevention.home_kept' });
    expect(r).toMatchObject({ members: 2, figures: 2 });
    const members = await owner.selectFrom('target_agreement_members').selectAll().where('agreement_id', '=', r.id).execute();
    expect(members.map((m) => m.member_agency_id).sort()).toEqual([a.id, b.id].sort());
    expect(members.every((m) => m.agency_id === tenant && m.joined_on === '2026-01-01')).toBe(true);
  });
});
