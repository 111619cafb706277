import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common.js';
import { DEFAULT_AGENCY_SETTINGS } from '../../../contracts/admin.js';
import { createAgency, testDbs } from '../../../../test/helpers.js';
import { ctxOf } from '../../../../test/service-ctx.js';
import { agencyService } from './agencies.service.js';

const svc = () => agencyService(testDbs().app);

describe('agency service on the real database', () => {
  it('reads and changes only the own agency', async () => {
    const [a, b] = await Promise.all([createAgency(), createAgency()]);
    const got = await svc().get(ctxOf(a, 'admin'));
    expect(got).toMatchObject({ id: a.id, name: a.name, version: 1 });
    const settings = { ...DEFAULT_AGENCY_SETTINGS, districts: ['Mitte'] };
    const changed = await svc().updateSettings(ctxOf(a, 'admin'), settings, 1);
    expect(changed).toMatchObject({ id: a.id, version: 2, settings: { districts: ['Mitte'] } });
    await expect(svc().updateSettings(ctxOf(a, 'admin'), settings, 1)).rejects.toMatchObject({ status: 412 });
    const other = await testDbs()
      .owner.selectFrom('agencies')
      .select(['version', 'settings'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(other.version).toBe(1);
    expect((await svc().get(ctxOf(b, 'lead'))).settings.districts).toEqual([]);
  });

  it('shows the agency to admins and leads, and lets only admins change it', async () => {
    const a = await createAgency();
    for (const role of ROLES) {
      const read = svc().get(ctxOf(a, role));
      if (role === 'admin' || role === 'lead') await expect(read, role).resolves.toMatchObject({ id: a.id });
      else await expect(read, role).rejects.toMatchObject({ status: 403 });
      if (role !== 'admin')
        await expect(svc().updateSettings(ctxOf(a, role), DEFAULT_AGENCY_SETTINGS, 1), role).rejects.toMatchObject({ status: 403 });
    }
    const denials = await testDbs()
      .owner.selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', a.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denials.length).toBe(ROLES.length - 2 + ROLES.length - 1);
  });
});
