import type { Tx } from '../../db/database.js';
import type {
  SubjectConsent,
  SubjectDataContribution,
  SubjectTableSpec,
  SubjectTransfer,
} from '../../platform/privacy/subject.contribution.js';
import { accessEvents, subjectRows } from '../../platform/privacy/subject.repository.js';
import { PROCESSING_ACTIVITIES } from './processing.registry.js';

/*
 * The one export of an access request (Art. 15 DSGVO, § 83 SGB X): every record each module holds
 * about the household or the one member (through its `SubjectDataContribution`), the recipients
 * the data went to, the consents, who read or changed any of the records (audit) and the legal
 * basis per purpose (the records of processing). Stored as JSON with the request; the person's PDF
 * is laid out from the same JSON.
 */

export const EXPORT_FORMAT = 'wohnhilfe.art15/1';
/** Access events in the export at most (newest first; the export says when there were more). */
export const EXPORT_ACCESS_LIMIT = 5_000;
const LOG_LIMIT = 10_000;

export interface ExportTable {
  module: string;
  table: string;
  title: { de: string; en: string };
  rows: Record<string, unknown>[];
}

export interface SubjectExport {
  format: typeof EXPORT_FORMAT;
  request: { reference: string; receivedOn: string; requestedBy: string };
  subject: { householdId: string; householdReference: string; member: { id: string; name: string } | null };
  agency: string;
  generatedAt: string;
  tables: ExportTable[];
  recipients: (SubjectTransfer & { householdReference: string })[];
  consents: SubjectConsent[];
  accessLog: { at: string; actor: string; role: string | null; action: string; entityType: string | null; outcome: string }[];
  accessLogLimit: number;
  legalBases: {
    module: string;
    activity: { de: string; en: string };
    purposes: { purpose: { de: string; en: string }; legalBasis: { de: string; en: string } }[];
  }[];
}

const columnsOf = (spec: SubjectTableSpec): readonly string[] =>
  spec.column === undefined
    ? [spec.via === 'owner' ? 'owner_id' : 'household_id']
    : typeof spec.column === 'string'
      ? [spec.column]
      : spec.column;

/** Reads every contribution's tables for one household (or member), in declaration order. */
export async function collectRecords(
  tx: Tx,
  contributions: readonly SubjectDataContribution[],
  householdId: string,
  memberId: string | null,
): Promise<ExportTable[]> {
  const byTable = new Map<string, Record<string, unknown>[]>();
  const out: ExportTable[] = [];
  for (const c of contributions) {
    for (const spec of c.tables) {
      let values: string[];
      if (spec.via === 'household') values = [householdId];
      else if (spec.via === 'parent') values = (byTable.get(spec.parent!) ?? []).map((r) => String(r.id));
      else values = [...byTable.values()].flat().map((r) => String(r.id));
      const rows = await subjectRows(tx, spec, columnsOf(spec), values, memberId);
      byTable.set(spec.table, rows);
      out.push({ module: c.module, table: spec.table, title: spec.title, rows });
    }
  }
  return out;
}

/** The whole export of one request. */
export async function buildExport(
  tx: Tx,
  contributions: readonly SubjectDataContribution[],
  req: {
    reference: string;
    receivedOn: string;
    requestedBy: string;
    householdId: string;
    householdReference: string;
    member: { id: string; name: string } | null;
    agency: string;
  },
): Promise<SubjectExport> {
  const tables = await collectRecords(tx, contributions, req.householdId, req.member?.id ?? null);
  const ids = tables.flatMap((t) => t.rows.map((r) => String(r.id))).filter((x) => x !== 'undefined');
  const [recipients, consents, events] = await Promise.all([
    Promise.all(contributions.map((c) => c.transfers?.(tx, req.householdId, LOG_LIMIT) ?? Promise.resolve([]))),
    Promise.all(contributions.map((c) => c.consents?.(tx, req.householdId, LOG_LIMIT) ?? Promise.resolve([]))),
    accessEvents(tx, ids, EXPORT_ACCESS_LIMIT),
  ]);
  const modules = new Set(contributions.map((c) => c.module));
  return {
    format: EXPORT_FORMAT,
    request: { reference: req.reference, receivedOn: req.receivedOn, requestedBy: req.requestedBy },
    subject: { householdId: req.householdId, householdReference: req.householdReference, member: req.member },
    agency: req.agency,
    generatedAt: new Date().toISOString(),
    tables,
    recipients: recipients.flat().sort((a, b) => (a.at < b.at ? 1 : -1)),
    consents: consents.flat(),
    accessLog: events.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      actor: e.display_name ?? 'System',
      role: e.actor_role,
      action: e.action,
      entityType: e.entity_type,
      outcome: e.outcome,
    })),
    accessLogLimit: EXPORT_ACCESS_LIMIT,
    legalBases: PROCESSING_ACTIVITIES.filter((a) => modules.has(a.module)).map((a) => ({
      module: a.module,
      activity: a.name,
      purposes: a.purposes,
    })),
  };
}
