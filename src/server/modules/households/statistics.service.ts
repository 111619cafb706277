import type { RawBuilder } from 'kysely';
import { statisticsPersonsSql, type StatisticsPersonRow } from './statistics.repository.js';

/**
 * For the federal statistics (accommodation, WoBerichtsG): the § 4 person attributes (sex, age and
 * age band on the day, nationality group, household type and size among the given persons) of the
 * household members in `persons` (an SQL fragment of the caller's repository), as an SQL fragment
 * the caller's repository runs in its statement. Derivations: statistics.repository.ts.
 */
export function statisticsPersons(
  agencyId: string,
  day: string,
  persons: RawBuilder<{ member_id: string; household_id: string }>,
): RawBuilder<StatisticsPersonRow> {
  return statisticsPersonsSql(agencyId, day, persons);
}
export type { StatisticsPersonRow };
