import type { Kysely } from 'kysely';
import { bodiesRepository } from '../../modules/steering/bodies.repository.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { DB } from '../types.js';
import { DEMO_PASSWORD } from './users.js';

/*
 * The demo's steering body: "Senatsverwaltung (Demo)" with a target agreement that both demo
 * agencies joined on 1 January of last year, over the figures of the first slice, and one login
 * (role `steering`). Run once: a seeded body is left as it is.
 */
export const DEMO_STEERING = {
  agencyId: '00000000-0000-4000-8000-000000000010',
  name: 'Senatsverwaltung (Demo)',
  ags: '11000099',
  email: 'steuerung@senatsverwaltung.example',
  displayName: 'Dr. Petra Lorenz',
};

export const DEMO_AGREEMENT_FIGURES = [
  'prevention.notices',
  'prevention.first_attempt_days',
  'prevention.first_attempt_within_standard',
  'prevention.home_kept',
  'placement.offers_received',
  'placement.offers_let',
  'placement.offer_to_lease_days',
  'sustainment.incidents',
  'sustainment.tenancies_running',
  'aftercare.visits_held',
  'aftercare.ends_goals_reached',
];

export async function seedSteeringBody(owner: Kysely<DB>, members: { id: string }[]): Promise<void> {
  const exists = await owner.selectFrom('steering_bodies').select('id').where('agency_id', '=', DEMO_STEERING.agencyId).executeTakeFirst();
  if (exists) return;
  const repo = bodiesRepository(owner);
  const agencyId = await repo.createBody({
    agencyId: DEMO_STEERING.agencyId,
    name: DEMO_STEERING.name,
    ags: DEMO_STEERING.ags,
    federalState: 'BE',
  });
  // The demo logs in without a second factor (a real body requires it: see bodiesRepository).
  await owner
    .updateTable('agencies')
    .set({ settings: JSON.stringify({ totpRequiredRoles: [], sessionIdleMinutes: 30 }) })
    .where('id', '=', agencyId)
    .execute();
  const joinedOn = `${new Date().getFullYear() - 1}-01-01`;
  await repo.createAgreement({
    bodyAgencyId: agencyId,
    name: 'Zielvereinbarung Wohnungsnotfallhilfe (Demo)',
    validFrom: joinedOn,
    validTo: null,
    figureIds: DEMO_AGREEMENT_FIGURES,
    members: members.map((m) => ({ agencyId: m.id, joinedOn })),
  });
  await owner
    .insertInto('users')
    .values({
      agency_id: agencyId,
      email: DEMO_STEERING.email,
      display_name: DEMO_STEERING.displayName,
      role: 'steering',
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((user) =>
      owner
        .insertInto('notifications')
        .values({
          agency_id: agencyId,
          user_id: user.id,
          kind: 'steering.agreement',
          title: 'Zielvereinbarung: Kennzahlen der Mitglieder abrufbar',
          body: 'Die Fachstellen der Zielvereinbarung sind im Stadtvergleich nebeneinander zu sehen (ohne Personendaten).',
          link: '/steering/city',
        })
        .execute(),
    );
}
