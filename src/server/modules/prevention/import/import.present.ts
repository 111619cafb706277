import type { TNotice } from '../../../../contracts/prevention.js';
import type { TImportField, TImportJob, TImportRow, TImportState } from '../../../../contracts/preventionImport.js';
import type { Selectable } from 'kysely';
import type { PreventionImportJobsTable } from '../../../db/types.js';
import { roleHas } from '../../../platform/access/registry.js';
import type { Actor } from '../../../platform/http/context.js';
import type { Cell } from './import.parse.js';
import type { RowError } from './import.validate.js';

type JobRow = Selectable<PreventionImportJobsTable>;
const iso = (d: Date) => d.toISOString();
const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c));

/** Steps the actor may take on the job now (the UI shows only these buttons). */
export function jobActions(actor: Actor, state: string): TImportJob['actions'] {
  if (!roleHas(actor.role, 'preventionImport.write')) return [];
  const actions: TImportJob['actions'] = [];
  if (state === 'uploaded' || state === 'mapped') actions.push('map');
  if (state === 'mapped') actions.push('confirm');
  return actions;
}

/** Up to three non-empty example values per column, from the first rows of the file. */
export function samplesOf(columns: string[], first: Cell[][]): string[][] {
  return columns.map((_, i) =>
    first
      .map((cells) => cellText(cells[i]))
      .filter((v) => v.trim() !== '')
      .slice(0, 3),
  );
}

export function presentJob(actor: Actor, j: JobRow, samples: string[][]): TImportJob {
  return {
    id: j.id,
    filename: j.filename,
    format: j.format as TImportJob['format'],
    encoding: j.encoding,
    delimiter: j.delimiter,
    state: j.state as TImportState,
    columns: j.columns.map((name, index) => ({ index, name, samples: samples[index] ?? [] })),
    suggestedMapping: (j.suggested_mapping as (TImportField | null)[] | null) ?? j.columns.map(() => null),
    mapping: j.mapping as (TImportField | null)[] | null,
    source: j.source as TImportJob['source'],
    defaultCity: j.default_city,
    counts: countsOf(j.counts),
    progress: { done: j.progress_done, total: j.progress_total },
    report: j.report as TImportJob['report'],
    error: j.error,
    createdAt: iso(j.created_at),
    updatedAt: iso(j.updated_at),
    version: j.version,
    actions: jobActions(actor, j.state),
  };
}

/** Name and address of a row: from the checked notice, or as written in the cells of a bad row. */
export function displayOf(r: { record: unknown; cells: Cell[] }, mapping: (TImportField | null)[]) {
  const notice = r.record as TNotice | null;
  const raw = (f: TImportField) => {
    const i = mapping.indexOf(f);
    return i >= 0 ? cellText(r.cells[i]).trim() : '';
  };
  const head = notice?.tenants[0];
  const rawName = raw('fullName') || [raw('lastName'), raw('firstName')].filter(Boolean).join(', ');
  const rawAddress = [
    [raw('street'), raw('houseNumber')].filter(Boolean).join(' '),
    [raw('postalCode'), raw('city')].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return {
    notice,
    name: head ? `${head.lastName}, ${head.firstName}` : rawName || null,
    address: notice ? `${notice.street}, ${notice.postalCode} ${notice.city}` : rawAddress || null,
  };
}

/** What the preview shows of a row: from the checked notice, or from the raw cells of a bad row. */
/** A job's stored counts; jobs checked before possible matches existed have none of them. */
export const countsOf = (c: unknown): TImportJob['counts'] => {
  const counts = c as (Omit<NonNullable<TImportJob['counts']>, 'possible'> & { possible?: number }) | null;
  return counts ? { ...counts, possible: counts.possible ?? 0 } : null;
};

export function presentRow(
  r: {
    row_no: number;
    status: string;
    record: unknown;
    errors: unknown;
    cells: Cell[];
    duplicate_of: number | null;
    case_id: string | null;
    match_household_id: string | null;
    match_by: string | null;
    reference: string | null;
    head_name: string | null;
    possible_household_id: string | null;
    possible_decision: string | null;
    possible_reference: string | null;
    possible_name: string | null;
  },
  mapping: (TImportField | null)[],
): TImportRow {
  const { name, address, notice: n } = displayOf(r, mapping);
  const head = n?.tenants[0];
  return {
    rowNo: r.row_no,
    status: r.status as TImportRow['status'],
    name,
    birthDate: head?.birthDate ?? null,
    address,
    arrearsCents: n?.arrearsCents ?? null,
    errors: ((r.errors as RowError[] | null) ?? []).map((e) => ({ column: e.column, field: e.field, message: e.message })),
    match:
      r.match_household_id && r.reference
        ? {
            householdId: r.match_household_id,
            reference: r.reference,
            name: r.head_name ?? '',
            by: (r.match_by ?? 'person') as NonNullable<TImportRow['match']>['by'],
          }
        : null,
    possibleMatch:
      r.possible_household_id && r.possible_reference
        ? {
            householdId: r.possible_household_id,
            reference: r.possible_reference,
            name: r.possible_name ?? '',
            decision: r.possible_decision as 'link' | 'new' | null,
          }
        : null,
    duplicateOf: r.duplicate_of,
    caseId: r.case_id,
  };
}
