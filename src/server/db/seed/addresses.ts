import type { Kysely } from 'kysely';
import { linkDeadlineHouseholds } from '../migrations/2026-12-08T10-00_household_addresses.js';
import { inAgency } from '../database.js';
import type { DB } from '../types.js';

/** Streets and postal codes per district of the demo cities (real street names, invented house numbers). */
const STREETS: Record<string, Record<string, { streets: string[]; postal: string }>> = {
  Stuttgart: {
    Mitte: { streets: ['Eberhardstraße', 'Hauptstätter Straße', 'Tübinger Straße'], postal: '70173' },
    Nord: { streets: ['Nordbahnhofstraße', 'Wolframstraße', 'Heilbronner Straße'], postal: '70191' },
    Ost: { streets: ['Neckarstraße', 'Haußmannstraße', 'Landhausstraße'], postal: '70190' },
    Süd: { streets: ['Böblinger Straße', 'Filderstraße', 'Möhringer Straße'], postal: '70199' },
    West: { streets: ['Rotebühlstraße', 'Schwabstraße', 'Bebelstraße'], postal: '70176' },
    'Bad Cannstatt': { streets: ['Marktstraße', 'Waiblinger Straße', 'Daimlerstraße'], postal: '70372' },
    Feuerbach: { streets: ['Stuttgarter Straße', 'Grazer Straße'], postal: '70469' },
    Zuffenhausen: { streets: ['Unterländer Straße', 'Schwieberdinger Straße'], postal: '70435' },
    Vaihingen: { streets: ['Hauptstraße', 'Robert-Leicht-Straße'], postal: '70563' },
    Möhringen: { streets: ['Filderbahnstraße', 'Vaihinger Straße'], postal: '70567' },
    Degerloch: { streets: ['Epplestraße', 'Löwenstraße'], postal: '70597' },
    Untertürkheim: { streets: ['Großglocknerstraße', 'Strümpfelbacher Straße'], postal: '70327' },
    Weilimdorf: { streets: ['Solitudestraße', 'Ditzinger Straße'], postal: '70499' },
    Mühlhausen: { streets: ['Mönchfeldstraße', 'Aldinger Straße'], postal: '70378' },
    Sillenbuch: { streets: ['Kirchheimer Straße', 'Tuttlinger Straße'], postal: '70619' },
    Hedelfingen: { streets: ['Hedelfinger Straße', 'Amstetter Straße'], postal: '70329' },
  },
  Berlin: {
    Mitte: { streets: ['Karl-Marx-Allee', 'Torstraße', 'Brunnenstraße'], postal: '10178' },
    Moabit: { streets: ['Turmstraße', 'Beusselstraße', 'Stromstraße'], postal: '10551' },
    Wedding: { streets: ['Müllerstraße', 'Seestraße', 'Amrumer Straße'], postal: '13353' },
    Gesundbrunnen: { streets: ['Badstraße', 'Prinzenallee', 'Koloniestraße'], postal: '13357' },
    Tiergarten: { streets: ['Lützowstraße', 'Kurfürstenstraße'], postal: '10785' },
    Hansaviertel: { streets: ['Altonaer Straße', 'Klopstockstraße'], postal: '10557' },
  },
};

const SHELTERS: Record<string, { street: string; district: string }> = {
  Stuttgart: { street: 'Hauptstätter Straße 87 (Notunterkunft)', district: 'Mitte' },
  Berlin: { street: 'Lehrter Straße 68 (Notübernachtung)', district: 'Moabit' },
};

type Period = { kind: string; street: string | null; postal: string | null; city: string | null; district: string | null };

/**
 * Gives every demo household without an address a history of two periods: where it lived before
 * and, since the move (the household's "since" date, or some months ago), where it is now, matching
 * its situation (in accommodation: the city's shelter; hidden homeless: with relatives; rough
 * sleeping: no fixed abode). Idempotent. Also links the seeded deadlines to their households (the
 * seeds write some deadline rows directly).
 */
export async function seedAddresses(db: Kysely<DB>, agencies: { id: string; city: string; districts: string[] }[]): Promise<void> {
  for (const a of agencies) {
    const streets = STREETS[a.city] ?? {};
    const districts = a.districts.filter((d) => streets[d]);
    if (!districts.length) continue;
    await inAgency(db, a.id, async (tx) => {
      const households = await tx
        .selectFrom('households as h')
        .select(['h.id', 'h.situation', 'h.situation_since', 'h.created_by'])
        .where('h.agency_id', '=', a.id)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('household_addresses as x').select('x.id').whereRef('x.household_id', '=', 'h.id'))))
        .orderBy('h.reference')
        .execute();
      const at = (n: number): Period => {
        const district = districts[n % districts.length]!;
        const s = streets[district]!;
        return {
          kind: 'own_flat',
          street: `${s.streets[n % s.streets.length]} ${((n * 7) % 120) + 1}`,
          postal: s.postal,
          city: a.city,
          district,
        };
      };
      const rows = households.flatMap((h, n) => {
        const before = { ...at(n + 3), kind: n % 4 === 0 ? 'sublet' : 'own_flat' };
        const shelter = SHELTERS[a.city]!;
        const now: Period =
          h.situation === 'in_accommodation'
            ? {
                kind: 'shelter',
                street: shelter.street,
                postal: streets[shelter.district]!.postal,
                city: a.city,
                district: shelter.district,
              }
            : h.situation === 'hidden_homeless'
              ? { ...at(n + 5), kind: 'relatives_friends' }
              : h.situation === 'rough_sleeping'
                ? { kind: 'street', street: null, postal: null, city: a.city, district: null }
                : at(n);
        const movedIn = h.situation_since ?? isoDaysAgo(60 + ((n * 37) % 700));
        const firstFrom = isoDaysBefore(movedIn, 400 + ((n * 53) % 2000));
        const row = (p: Period, from: string, to: string | null, note: string | null) => ({
          agency_id: a.id,
          household_id: h.id,
          kind: p.kind,
          street: p.street,
          postal_code: p.postal,
          city: p.city,
          district: p.district,
          valid_from: from,
          valid_to: to,
          note,
          created_by: h.created_by,
          updated_by: h.created_by,
        });
        return [
          row(before, firstFrom, isoDaysBefore(movedIn, 1), null),
          row(now, movedIn, null, h.situation === 'rough_sleeping' ? 'Postanschrift über die Fachstelle' : null),
        ];
      });
      for (let k = 0; k < rows.length; k += 2000)
        await tx
          .insertInto('household_addresses')
          .values(rows.slice(k, k + 2000))
          .execute();
    });
  }
  await linkDeadlineHouseholds(db);
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const isoDaysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
