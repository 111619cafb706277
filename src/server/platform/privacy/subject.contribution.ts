import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

/*
 * The one interface through which a module hands over every record it holds about a data subject
 * (Art. 15 DSGVO, § 83 SGB X) — like `DeskContribution` and `FigureContribution`. A module declares
 * its tables and how each one reaches the household (its own `household_id`, the subject's member,
 * or a parent table's rows); the privacy module reads them in one transaction, in declaration order,
 * and knows no module. The schema test (modules/privacy/coverage.test.ts) fails when a table that
 * refers to a household is neither declared here by some module nor excluded with a reason.
 * Recipients (transfer log) and consents come from the module too, since only it knows them.
 */

export type Lang = 'de' | 'en';
export type SubjectTable = keyof DB;

/** One table of a module's subject data and how its rows belong to the household. */
export interface SubjectTableSpec {
  table: SubjectTable;
  /**
   * How rows are found: `household` — the table's `household_id` (or the column named by
   * `column`); `parent` — its `column` holds the id of a row already read from `parent`;
   * `owner` — polymorphic (`owner_id`/`subject_id` in `column`) pointing at any row read before.
   * Several columns: a row matches by any of them.
   */
  via: 'household' | 'parent' | 'owner';
  column?: string | readonly string[];
  parent?: SubjectTable;
  /** For a request about one member: the column holding the member's id (rows of other members are left out). */
  memberColumn?: string;
  /** Columns never exported (e.g. file bytes: the export names the file, the bytes are handed over separately). */
  omit?: readonly string[];
  /** The readable heading in the person's PDF. */
  title: Record<Lang, string>;
}

/** A recipient the subject's data went to (§ 67b SGB X disclosure or transfer). */
export interface SubjectTransfer {
  at: string;
  module: string;
  recipient: string;
  /** What was passed: field codes. */
  fields: string[];
  /** Which consent or legal basis carried it. */
  basis: string;
}

/** A consent the module holds (the DPO's consent overview, the export). */
export interface SubjectConsent {
  module: string;
  householdId: string;
  householdReference: string;
  recipient: string;
  purpose: string;
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
}

export interface SubjectDataContribution {
  /** The module's id; also its key in the records of processing (processing.registry.ts). */
  module: string;
  tables: readonly SubjectTableSpec[];
  /** The recipients this household's data went to; all of the agency's when `householdId` is null (the DPO's transfer log). */
  transfers?(tx: Tx, householdId: string | null, limit: number): Promise<(SubjectTransfer & { householdReference: string })[]>;
  /** The consents this module holds, of one household or (null) of the agency. */
  consents?(tx: Tx, householdId: string | null, limit: number): Promise<SubjectConsent[]>;
}
