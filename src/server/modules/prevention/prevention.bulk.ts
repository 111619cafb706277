import crypto from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import type { TNotice } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import { reserveReferences } from '../../db/references.js';
import { agencySettings } from '../../platform/auth/guard.js';
import { auditEachCreated, type AuditSubject } from '../../platform/audit/audit.js';
import type { FederalState } from '../../platform/deadlines/workdays.js';
import { berlinToday, caseLink, defaultThreatStage, derive, plannedDeadlines } from './prevention.derive.js';

/*
 * Opening cases set-based: the one way cases come into being, for the form (one row) and for the
 * list import (thousands of rows per call). Per chunk a handful of statements, each taking all its
 * rows as one JSON parameter: new households and their members, the cases with their derived
 * columns, their deadline rows and the audit events. Each INSERT of households or cases writes the
 * audit event of every row it creates in the same statement (INSERT … RETURNING feeding INSERT INTO
 * audit_events), so the events never travel as data. Everything runs in the caller's transaction
 * (which must be in the agency's RLS context: `inAgency`).
 */

export interface BulkCase {
  /** The parsed notice (ZNoticeInput output). */
  notice: TNotice;
  /** An existing household to link, or null to create a new one (situation at_risk, not seeking housing). */
  householdId: string | null;
  caseManagerId?: string | null;
  socialWorkerId?: string | null;
  visitId?: string | null;
}

export interface BulkResult {
  /** Case ids in the order of the rows. */
  caseIds: string[];
  references: string[];
  /** Household ids in the order of the rows (linked or created). */
  householdIds: string[];
  createdHouseholds: number;
  deadlines: number;
}

/**
 * References reserved beforehand (reserveCaseReferences) in a transaction of their own: the counter
 * row is then not locked while the cases are written, so two chunks can be written at once.
 */
export interface ReservedReferences {
  households: string[];
  cases: string[];
}

/** References for `cases` cases of which `households` need a new household (run it in a transaction of its own). */
export async function reserveCaseReferences(
  tx: Tx,
  agencyId: string,
  cases: number,
  households: number,
  now = new Date(),
): Promise<ReservedReferences> {
  return {
    households: await reserveReferences(tx, agencyId, 'household', null, 5, households, now),
    cases: await reserveReferences(tx, agencyId, 'prevention', 'P', 5, cases, now),
  };
}

const CHUNK = 5000;
/** The foreign keys from cases and members to their household (made deferrable by the 20-30 migration). */
const HOUSEHOLD_LINKS = sql.join([
  sql.id('prevention_cases_agency_id_household_id_fkey'),
  sql.id('household_members_agency_id_household_id_fkey'),
]);
const chunks = <T>(xs: readonly T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Opens one case per row. `who` is the acting user (import: the user who confirmed); `importJobId`
 * marks the cases of one import. Returns ids in row order. Does not notify: the caller sends one
 * summary (the form path notifies per case).
 */
export async function openCasesInBulk(
  tx: Tx,
  who: AuditSubject,
  rows: readonly BulkCase[],
  opts: { importJobId?: string | null; now?: Date; references?: ReservedReferences } = {},
): Promise<BulkResult> {
  const now = opts.now ?? new Date();
  const today = berlinToday(now);
  const agencyId = who.agencyId;
  if (!rows.length) return { caseIds: [], references: [], householdIds: [], createdHouseholds: 0, deadlines: 0 };
  const agency = await tx.selectFrom('agencies').select(['federal_state', 'settings']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  const state = agency.federal_state as FederalState;
  const settings = agencySettings(agency.settings).prevention;

  const newHouseholds = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.householdId);
  const hhRefs = opts.references
    ? opts.references.households.slice(0, newHouseholds.length)
    : await reserveReferences(tx, agencyId, 'household', null, 5, newHouseholds.length, now);
  const householdIds = rows.map((r) => r.householdId ?? '');
  const households = newHouseholds.map(({ r, i }, k) => {
    const id = crypto.randomUUID();
    householdIds[i] = id;
    const t = r.notice.tenants;
    const head = t[0]!;
    const births = t
      .map((m) => m.birthDate)
      .filter((b): b is string => !!b)
      .sort();
    return {
      id,
      reference: hhRefs[k]!,
      head_name: `${head.lastName}, ${head.firstName}`,
      search_text: [hhRefs[k]!, ...t.map((m) => `${m.firstName} ${m.lastName}`)].join(' ').toLowerCase(),
      persons: t.length,
      situation_since: r.notice.receivedOn,
      eldest: births[0] ?? null,
      cm: r.caseManagerId ?? null,
      sw: r.socialWorkerId ?? null,
      members: t.map((m, pos) => ({
        hid: id,
        pos,
        f: m.firstName,
        l: m.lastName,
        b: m.birthDate,
        g: m.gender,
        rel: pos === 0 ? 'head' : 'other',
        ph: m.phone,
        em: m.email,
      })),
    };
  });
  const references = opts.references
    ? opts.references.cases.slice(0, rows.length)
    : await reserveReferences(tx, agencyId, 'prevention', 'P', 5, rows.length, now);
  if (hhRefs.length < newHouseholds.length || references.length < rows.length) throw new Error('too few reserved references');
  const job = opts.importJobId ?? null;
  // New households are written last, their links from cases and members checked once they exist
  // (deferrable since the 20-30 migration; back to immediate at the end, so the caller's
  // transaction is unchanged). This order once kept the agency's household stamp lock short; since
  // the household log (migration 2026-11-22T09-00) inserting households locks no shared row, and the
  // order is simply kept. Their members go in while the cases are derived below.
  if (households.length) await sql`SET CONSTRAINTS ${HOUSEHOLD_LINKS} DEFERRED`.execute(tx);
  const membersWritten = (async () => {
    for (const part of chunks(households)) {
      await sql`
        INSERT INTO household_members (agency_id, household_id, position, first_name, last_name, birth_date, gender, relationship, phone, email)
        SELECT ${agencyId}, x.hid, x.pos, x.f, x.l, x.b, x.g, x.rel, x.ph, x.em
        FROM jsonb_to_recordset(${JSON.stringify(part.flatMap((h) => h.members))}::jsonb) AS x(hid uuid, pos int, f text, l text, b date, g text, rel text, ph text, em text)`.execute(
        tx,
      );
    }
  })().then(
    () => null,
    (e: unknown) => ({ failed: e }),
  );
  // Lets the statement just issued leave for the database before the synchronous work below.
  await setImmediate();

  const cases = rows.map((r, i) => {
    const n = r.notice;
    const id = crypto.randomUUID();
    // The facts written out rather than spread from the notice: a spread into a wider object
    // takes V8's slow path, and this runs for every row of a list.
    const facts = {
      lawsuitServedOn: n.lawsuitServedOn,
      terminationOn: n.terminationOn,
      previousCureOn: n.previousCureOn,
      ordinaryTermination: n.ordinaryTermination,
      writtenProceedingsServedOn: n.writtenProceedingsServedOn,
      hearingAt: n.hearingAt,
      evictionAt: n.evictionAt,
      reference: references[i]!,
      receivedOn: n.receivedOn,
      street: n.street,
      courtFileNumber: n.courtFileNumber,
      tenants: n.tenants,
      closed: false,
    };
    const { columns, procedure } = derive(facts, [], settings, state, today);
    const deadlines = plannedDeadlines(references[i]!, facts, columns, procedure, settings, r.caseManagerId ?? null, now);
    return {
      row: {
        id,
        reference: references[i]!,
        household_id: householdIds[i]!,
        source: n.source,
        source_detail: n.sourceDetail,
        self_referral_via: n.selfReferralVia,
        received_on: n.receivedOn,
        tenants: n.tenants.map((t) => ({ firstName: t.firstName, lastName: t.lastName, birthDate: t.birthDate })),
        street: n.street,
        postal_code: n.postalCode,
        city: n.city,
        landlord_name: n.landlordName,
        landlord_address: n.landlordAddress,
        monthly_rent_cents: n.monthlyRentCents,
        arrears_cents: n.arrearsCents,
        compensation_cents: n.compensationCents,
        court_name: n.courtName,
        court_file_number: n.courtFileNumber,
        parties: n.parties,
        threat_stage: defaultThreatStage(n),
        termination_on: n.terminationOn,
        ordinary_termination: n.ordinaryTermination,
        previous_cure_on: n.previousCureOn,
        lawsuit_served_on: n.lawsuitServedOn,
        hearing_at: n.hearingAt,
        written_proceedings_served_on: n.writtenProceedingsServedOn,
        eviction_at: n.evictionAt,
        note: n.note,
        cure_end: columns.cure_end,
        cure_available: columns.cure_available,
        defence_end: columns.defence_end,
        next_contact_step: columns.next_contact_step,
        next_contact_due_on: columns.next_contact_due_on,
        first_attempt_at: columns.first_attempt_at,
        first_contact_at: columns.first_contact_at,
        urgent_at: columns.urgent_at,
        search_text: columns.search_text,
        case_manager_id: r.caseManagerId ?? null,
        social_worker_id: r.socialWorkerId ?? null,
        visit_id: r.visitId ?? null,
      },
      deadlines: deadlines.map((d) => ({
        sid: id,
        hh: householdIds[i]!,
        kind: d.kind,
        title: d.title,
        title_key: d.text?.key ?? null,
        title_params: d.text?.params ?? null,
        link: caseLink(id),
        due: d.dueAt.toISOString(),
        remind: d.remindAt?.toISOString() ?? null,
        assignee: d.assigneeId ?? null,
        esc: d.escalateToLead ?? true,
      })),
    };
  });
  const written = await membersWritten;
  if (written) throw written.failed;

  let deadlineCount = 0;
  for (const part of chunks(cases)) {
    await sql`
      WITH created AS (
      INSERT INTO prevention_cases (id, agency_id, reference, household_id, source, source_detail, self_referral_via, received_on, tenants, street, postal_code, city,
        landlord_name, landlord_address, monthly_rent_cents, arrears_cents, compensation_cents, court_name, court_file_number, parties, threat_stage,
        termination_on, ordinary_termination, previous_cure_on, lawsuit_served_on, hearing_at, written_proceedings_served_on, eviction_at, note,
        cure_end, cure_available, defence_end, next_contact_step, next_contact_due_on, first_attempt_at, first_contact_at, urgent_at, search_text,
        case_manager_id, social_worker_id, visit_id, import_job_id, created_by)
      SELECT x.id, ${agencyId}, x.reference, x.household_id, x.source, x.source_detail, x.self_referral_via, x.received_on, x.tenants, x.street, x.postal_code, x.city,
        x.landlord_name, x.landlord_address, x.monthly_rent_cents, x.arrears_cents, x.compensation_cents, x.court_name, x.court_file_number, x.parties, x.threat_stage,
        x.termination_on, x.ordinary_termination, x.previous_cure_on, x.lawsuit_served_on, x.hearing_at, x.written_proceedings_served_on, x.eviction_at, x.note,
        x.cure_end, x.cure_available, x.defence_end, x.next_contact_step, x.next_contact_due_on, x.first_attempt_at, x.first_contact_at, x.urgent_at, x.search_text,
        x.case_manager_id, x.social_worker_id, x.visit_id, ${job}::uuid, ${who.actorId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(part.map((c) => c.row))}::jsonb) AS x(id uuid, reference text, household_id uuid, source text, source_detail text,
        self_referral_via text, received_on date, tenants jsonb, street text, postal_code text, city text, landlord_name text, landlord_address text,
        monthly_rent_cents int, arrears_cents int, compensation_cents int, court_name text, court_file_number text, parties jsonb, threat_stage text,
        termination_on date, ordinary_termination boolean, previous_cure_on date, lawsuit_served_on date, hearing_at timestamptz, written_proceedings_served_on date,
        eviction_at timestamptz, note text, cure_end date, cure_available boolean, defence_end date, next_contact_step int, next_contact_due_on date,
        first_attempt_at timestamptz, first_contact_at timestamptz, urgent_at timestamptz, search_text text, case_manager_id uuid, social_worker_id uuid, visit_id uuid)
      RETURNING id, source, household_id)
      ${auditEachCreated(who, 'prevention.create', sql`jsonb_build_object('source', created.source, 'householdId', created.household_id, 'importJobId', ${job}::text)`)}`.execute(
      tx,
    );
    const deadlines = part.flatMap((c) => c.deadlines);
    deadlineCount += deadlines.length;
    if (deadlines.length) {
      await sql`
        INSERT INTO deadlines (agency_id, subject_type, subject_id, kind, title, title_key, title_params, link, due_at, remind_at, assignee_id, escalate_to_lead, household_id)
        SELECT ${agencyId}, 'prevention_case', x.sid, x.kind, x.title, x.title_key, x.title_params, x.link, x.due, x.remind, x.assignee, x.esc, x.hh
        FROM jsonb_to_recordset(${JSON.stringify(deadlines)}::jsonb) AS x(sid uuid, hh uuid, kind text, title text, title_key text, title_params jsonb, link text, due timestamptz, remind timestamptz, assignee uuid, esc boolean)`.execute(
        tx,
      );
    }
  }

  for (const part of chunks(households)) {
    await sql`
      WITH created AS (
        INSERT INTO households (id, agency_id, reference, head_name, search_text, persons, situation, situation_since, seeking_housing, needs, wheelchair, eldest_birth_date, case_manager_id, social_worker_id, created_by, updated_at)
        SELECT x.id, ${agencyId}, x.reference, x.head_name, x.search_text, x.persons, 'at_risk', x.situation_since, false, '{}'::jsonb, false, x.eldest, x.cm, x.sw, ${who.actorId}, now()
        FROM jsonb_to_recordset(${JSON.stringify(part.map(({ members: _, ...h }) => h))}::jsonb) AS x(id uuid, reference text, head_name text, search_text text, persons int, situation_since date, eldest date, cm uuid, sw uuid)
        RETURNING id)
      ${auditEachCreated(who, 'household.create', sql`jsonb_build_object('via', 'prevention', 'importJobId', ${job}::text)`)}`.execute(tx);
  }
  if (households.length) await sql`SET CONSTRAINTS ${HOUSEHOLD_LINKS} IMMEDIATE`.execute(tx);

  return { caseIds: cases.map((c) => c.row.id), references, householdIds, createdHouseholds: households.length, deadlines: deadlineCount };
}
