import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/common.js';
import { createAgency, testDbs } from '../../../../test/helpers.js';
import { ctxOf } from '../../../../test/service-ctx.js';
import { userService } from './users.service.js';

const svc = () => userService(testDbs().app);
const newUser = (over: object = {}) => ({
  email: `neu.${Math.random().toString(36).slice(2)}@test.example`,
  displayName: 'Neu',
  role: 'case_manager' as const,
  password: 'Ein-sicheres-Passwort-1',
  ...over,
});

describe('user service on the real database', () => {
  it('lists, changes and resets only the users of the own agency', async () => {
    const [a, b] = await Promise.all([createAgency(), createAgency()]);
    const admin = ctxOf(a, 'admin');
    const listed = (await svc().list(admin)).items.map((u) => u.id);
    expect(listed.sort()).toEqual(ROLES.map((r) => a.users[r].id).sort());
    const foreign = b.users.case_manager.id;
    await expect(
      svc().update(admin, foreign, { displayName: 'X', role: 'case_manager', active: true, version: 1 }, 1),
    ).rejects.toMatchObject({ status: 404 });
    await expect(svc().resetPassword(admin, foreign, 'Ein-neues-Passwort-22')).rejects.toMatchObject({ status: 404 });
    const untouched = await testDbs()
      .owner.selectFrom('users')
      .select(['display_name', 'version'])
      .where('id', '=', foreign)
      .executeTakeFirstOrThrow();
    expect(untouched.version).toBe(1);
  });

  it('searches names and e-mail addresses in the own agency, case-insensitively, wildcards taken literally', async () => {
    const [a, b] = await Promise.all([createAgency(), createAgency()]);
    const admin = ctxOf(a, 'admin');
    await svc().create(
      admin,
      newUser({ displayName: 'Özlem Şahin-Groß', email: `o.sahin.${Math.random().toString(36).slice(2)}@test.example` }),
      undefined,
    );
    await svc().create(ctxOf(b, 'admin'), newUser({ displayName: 'Özlem Andere' }), undefined);
    const names = async (search: string) => (await svc().list(admin, search)).items.map((u) => u.displayName);
    expect(await names('özlem')).toEqual(['Özlem Şahin-Groß']);
    expect(await names('O.SAHIN')).toEqual(['Özlem Şahin-Groß']);
    expect(await names('social_worker')).toHaveLength(1);
    expect(await names('%')).toEqual([]);
    expect((await svc().list(admin, '')).items).toHaveLength(ROLES.length + 1);
  });

  it('links provider users and carrier workers only to organisations of the own agency', async () => {
    const [a, b] = await Promise.all([createAgency(), createAgency()]);
    const admin = ctxOf(a, 'admin');
    await expect(svc().create(admin, newUser({ role: 'provider_user', providerId: b.providerId }), undefined)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(svc().create(admin, newUser({ role: 'carrier_worker', carrierId: b.carrierId }), undefined)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const ok = await svc().create(admin, newUser({ role: 'carrier_worker', carrierId: a.carrierId }), undefined);
    expect(ok.body).toMatchObject({ role: 'carrier_worker', carrierId: a.carrierId, providerId: null });
    // An address taken in another agency is refused as well (the unique index, not a cross-agency read).
    await expect(svc().create(admin, newUser({ email: b.users.lead.email }), undefined)).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('ends the sessions of a user who is deactivated, and audits it', async () => {
    const a = await createAgency();
    const { owner } = testDbs();
    const target = a.users.social_worker.id;
    await owner
      .insertInto('sessions')
      .values({
        id: `s-${target}`,
        agency_id: a.id,
        user_id: target,
        csrf_token: 'c',
        mfa_verified: false,
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    await svc().update(ctxOf(a, 'admin'), target, { displayName: 'Weg', role: 'social_worker', active: false, version: 1 }, 1);
    expect(await owner.selectFrom('sessions').select('id').where('user_id', '=', target).execute()).toEqual([]);
    const events = await owner
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', a.id)
      .where('entity_id', '=', target)
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(['user.sessions_ended', 'user.update']);
  });

  it('lets only admins manage users; staff lists names of active office staff for every staff role', async () => {
    const a = await createAgency();
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await expect(svc().list(ctxOf(a, role)), role).rejects.toMatchObject({ status: 403 });
      await expect(svc().create(ctxOf(a, role), newUser(), undefined), role).rejects.toMatchObject({ status: 403 });
    }
    const staff = await svc().staff(ctxOf(a, 'social_worker'));
    expect(staff.items.map((s) => s.role).sort()).toEqual(['accommodation_worker', 'case_manager', 'lead', 'social_worker']);
    await expect(svc().staff(ctxOf(a, 'provider_user'))).rejects.toMatchObject({ status: 403 });
  });
});
