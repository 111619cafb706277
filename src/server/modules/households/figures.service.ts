import type { RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import { figuresRepository, type ProfileRow } from './figures.repository.js';

/**
 * For the steering reports: the profile (counts by gender, age band, household type, children,
 * nationality group; per month the women reached) of the households in a reached set, which a
 * programme gives as an SQL fragment from its own repository. Counts only, never a member.
 */
export function reachedProfile(
  tx: Tx,
  agencyId: string,
  reached: RawBuilder<{ household_id: string; reached_on: string }>,
): Promise<ProfileRow[]> {
  return figuresRepository(tx).profile(agencyId, reached);
}
export type { ProfileRow };
