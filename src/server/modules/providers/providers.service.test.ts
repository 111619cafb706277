import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common.js';
import { roleHas } from '../../platform/access/registry.js';
import { createAgency, testDbs } from '../../../../test/helpers.js';
import { ctxOf } from '../../../../test/service-ctx.js';
import { organisationService } from './providers.service.js';

const providers = () => organisationService(testDbs().app, 'provider');
const carriers = () => organisationService(testDbs().app, 'carrier');

describe('provider and carrier service on the real database', () => {
  it('lists and changes only the organisations of the own agency', async () => {
    const [a, b] = await Promise.all([createAgency(), createAgency()]);
    const admin = ctxOf(a, 'admin');
    expect((await providers().list(admin)).items.map((p) => p.id).sort()).toEqual([a.providerId, a.otherProviderId].sort());
    expect((await carriers().list(admin)).items.map((c) => c.id)).toEqual([a.carrierId]);
    await expect(providers().update(admin, b.providerId, { name: 'Übernommen' }, 1)).rejects.toMatchObject({ status: 404 });
    await expect(carriers().update(admin, b.carrierId, { name: 'Übernommen' }, 1)).rejects.toMatchObject({ status: 404 });
    const created = await carriers().create(admin, { name: 'Neuer Träger', postalCode: '30159' }, undefined);
    expect(created.body).toMatchObject({ name: 'Neuer Träger', postalCode: '30159', version: 1 });
    expect((await carriers().list(ctxOf(b, 'admin'))).items.map((c) => c.id)).toEqual([b.carrierId]);
    const changed = await carriers().update(admin, created.body.id, { name: 'Umbenannt' }, 1);
    expect(changed).toMatchObject({ name: 'Umbenannt', postalCode: null, version: 2 });
    await expect(carriers().update(admin, created.body.id, { name: 'Alt' }, 1)).rejects.toMatchObject({ status: 412 });
  });

  it('shows each list to the roles the registry names, and lets only admins change', async () => {
    const a = await createAgency();
    for (const role of ROLES) {
      const ctx = ctxOf(a, role);
      for (const [svc, perm] of [
        [providers(), 'provider.list'],
        [carriers(), 'carrier.list'],
      ] as const) {
        if (roleHas(role, perm)) await expect(svc.list(ctx), `${role} ${perm}`).resolves.toMatchObject({ items: expect.any(Array) });
        else await expect(svc.list(ctx), `${role} ${perm}`).rejects.toMatchObject({ status: 403 });
      }
      if (role !== 'admin') {
        await expect(providers().create(ctx, { name: 'X' }, undefined), role).rejects.toMatchObject({ status: 403 });
        await expect(carriers().update(ctx, a.carrierId, { name: 'X' }, 1), role).rejects.toMatchObject({ status: 404 });
      }
    }
  });
});
