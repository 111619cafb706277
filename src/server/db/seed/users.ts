import type { Insertable } from 'kysely';
import type { TRole } from '../../../contracts/common.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { UsersTable } from '../types.js';

export const DEMO_PASSWORD = 'Wohnhilfe-Demo-2026';

export const STAFF: { local: string; name: string; role: TRole }[] = [
  { local: 'sachbearbeitung', name: 'Miriam Berger', role: 'case_manager' },
  { local: 'sachbearbeitung2', name: 'Jonas Albrecht', role: 'case_manager' },
  { local: 'sozialarbeit', name: 'Selin Arslan', role: 'social_worker' },
  { local: 'sozialarbeit2', name: 'Tobias Renner', role: 'social_worker' },
  { local: 'unterkunft', name: 'Katrin Vogel', role: 'accommodation_worker' },
  { local: 'leitung', name: 'Dr. Heike Brandt', role: 'lead' },
  { local: 'revision', name: 'Frank Otte', role: 'auditor' },
  { local: 'datenschutz', name: 'Renate Kowalski', role: 'dpo' },
  { local: 'admin', name: 'Admin IT', role: 'admin' },
];

const PROVIDER_CONTACTS = ['Sandra Keller', 'Martin Vogt', 'Aylin Demir'];

/**
 * The logins of one demo agency: staff, one per housing company, one for the carrier. All share the
 * demo password, but each gets its own hash with its own random salt (one shared hash would make
 * every account's hash identical, so cracking one cracks all and equal hashes show equal passwords).
 */
export async function demoUserRows(
  a: { id: string; mail: string },
  providerIds: string[],
  carrierId: string,
): Promise<Insertable<UsersTable>[]> {
  const rows: Omit<Insertable<UsersTable>, 'password_hash'>[] = [
    ...STAFF.map((s) => ({ agency_id: a.id, email: `${s.local}@${a.mail}`, display_name: s.name, role: s.role })),
    ...providerIds.map((id, i) => ({
      agency_id: a.id,
      email: i === 0 ? `wohnungsunternehmen@${a.mail}` : `wohnungsunternehmen${i + 1}@${a.mail}`,
      display_name: PROVIDER_CONTACTS[i]!,
      role: 'provider_user',
      provider_id: id,
    })),
    // The demo carrier login leads its team: it sees all of the carrier's aftercare cases.
    {
      agency_id: a.id,
      email: `traeger@${a.mail}`,
      display_name: 'Ute Sommer',
      role: 'carrier_worker',
      carrier_id: carrierId,
      carrier_lead: true,
    },
  ];
  const hashes = await Promise.all(rows.map(() => hashPassword(DEMO_PASSWORD)));
  return rows.map((r, i) => ({ ...r, password_hash: hashes[i]! }));
}
