import type { Kysely } from 'kysely';
import { inAgency } from '../database.js';
import type { DB } from '../types.js';

/*
 * The demo's minimum and target values, so the "Berichte" dashboard shows statuses: a few figures
 * per agency from 1 January of last year (a year and the current quarter have values in force), set
 * by the lead. Run once: an agency with any version already is left as it is.
 */
const TARGETS: { figureId: string; minimum: number; target: number; note: string }[] = [
  {
    figureId: 'prevention.first_attempt_within_standard',
    minimum: 70,
    target: 90,
    note: 'Zielvereinbarung: Kontakt binnen 3 Arbeitstagen',
  },
  { figureId: 'prevention.first_attempt_days', minimum: 5, target: 2, note: 'Zielvereinbarung: schneller Erstkontakt' },
  { figureId: 'prevention.home_kept', minimum: 50, target: 70, note: 'Zielvereinbarung: Wohnungserhalt' },
  { figureId: 'placement.offer_to_lease_days', minimum: 90, target: 60, note: 'Runder Tisch und Besichtigung zügig' },
  { figureId: 'sustainment.incidents', minimum: 20, target: 10, note: 'Meldungen je Zeitraum' },
  { figureId: 'aftercare.visits_held', minimum: 70, target: 85, note: 'Kooperationsvereinbarung mit den Trägern' },
];

export async function seedSteering(db: Kysely<DB>, agencies: { id: string }[]): Promise<void> {
  const validFrom = `${new Date().getFullYear() - 1}-01-01`;
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      if (await tx.selectFrom('steering_targets').select('id').where('agency_id', '=', a.id).executeTakeFirst()) return;
      const lead = await tx
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', a.id)
        .where('role', '=', 'lead')
        .orderBy('email')
        .executeTakeFirst();
      await tx
        .insertInto('steering_targets')
        .values(
          TARGETS.map((t) => ({
            agency_id: a.id,
            figure_id: t.figureId,
            minimum: t.minimum,
            target: t.target,
            valid_from: validFrom,
            note: t.note,
            created_by: lead?.id ?? null,
          })),
        )
        .execute();
    });
  }
}
