import type { Tx } from '../../db/database.js';

/* The agency's versioned checklist of minimum standards, inspections with their results, findings. */

export interface ChecklistItemWrite {
  key: string;
  title: string;
  category: string;
  norm: string | null;
}

export function inspectionsRepository(tx: Tx, agencyId: string) {
  return {
    /** The newest checklist version, if the agency has one. */
    currentChecklist: () =>
      tx
        .selectFrom('accommodation_checklists')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),

    checklist: (id: string) =>
      tx.selectFrom('accommodation_checklists').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),

    checklistItems: (checklistId: string) =>
      tx
        .selectFrom('accommodation_checklist_items')
        .select(['id', 'key', 'title', 'category', 'norm'])
        .where('agency_id', '=', agencyId)
        .where('checklist_id', '=', checklistId)
        .orderBy('position')
        .execute(),

    /** A new version with its items; undefined when that version number is taken (a concurrent edit). */
    async insertChecklist(version: number, routineMonths: number, note: string | null, items: ChecklistItemWrite[], by: string | null) {
      const row = await tx
        .insertInto('accommodation_checklists')
        .values({ agency_id: agencyId, version, routine_months: routineMonths, note, created_by: by })
        .onConflict((oc) => oc.columns(['agency_id', 'version']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return undefined;
      await tx
        .insertInto('accommodation_checklist_items')
        .values(items.map((it, position) => ({ ...it, position, agency_id: agencyId, checklist_id: row.id })))
        .execute();
      return row;
    },

    facilityName: (facilityId: string) =>
      tx
        .selectFrom('accommodation_facilities')
        .select(['id', 'name', 'street', 'postal_code', 'city', 'state', 'version'])
        .where('agency_id', '=', agencyId)
        .where('id', '=', facilityId)
        .executeTakeFirst(),

    insertInspection: (w: {
      facility_id: string;
      checklist_id: string;
      kind: string;
      planned_on: string;
      reason: string | null;
      inspector_id: string;
      created_by: string;
    }) =>
      tx
        .insertInto('accommodation_inspections')
        .values({ ...w, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** Inspections with the facility name, checklist version, inspector and counts; of one facility or one inspection. */
    inspections: (where: { facilityId?: string; id?: string }, forUpdate = false) =>
      tx
        .selectFrom('accommodation_inspections as i')
        .innerJoin('accommodation_facilities as f', 'f.id', 'i.facility_id')
        .innerJoin('accommodation_checklists as c', 'c.id', 'i.checklist_id')
        .leftJoin('users as u', 'u.id', 'i.inspector_id')
        .selectAll('i')
        .select(['f.name as facility_name', 'c.version as checklist_version', 'c.routine_months', 'u.display_name as inspector_name'])
        .select((eb) => [
          eb
            .selectFrom('accommodation_inspection_results as r')
            .select(eb.fn.countAll<string>().as('n'))
            .whereRef('r.inspection_id', '=', 'i.id')
            .where('r.result', '=', 'failed')
            .as('failed'),
          eb
            .selectFrom('accommodation_findings as x')
            .select(eb.fn.countAll<string>().as('n'))
            .whereRef('x.inspection_id', '=', 'i.id')
            .where('x.state', '=', 'open')
            .as('open_findings'),
        ])
        .where('i.agency_id', '=', agencyId)
        .$if(!!where.facilityId, (q) => q.where('i.facility_id', '=', where.facilityId!))
        .$if(!!where.id, (q) => q.where('i.id', '=', where.id!))
        .$if(forUpdate, (q) => q.forUpdate('i'))
        .orderBy('i.planned_on', 'desc')
        .orderBy('i.created_at', 'desc')
        .execute(),

    /** Sets the state fields of an inspection when it is still at `version`. */
    updateInspection: (
      id: string,
      version: number,
      w: Partial<{ state: string; started_on: string; completed_on: string; summary: string | null; cancel_reason: string }>,
    ) =>
      tx
        .updateTable('accommodation_inspections')
        .set((eb) => ({ ...w, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    /** One empty result row per checklist item (when the inspection starts). */
    insertResultRows: (inspectionId: string, itemIds: string[]) =>
      itemIds.length
        ? tx
            .insertInto('accommodation_inspection_results')
            .values(itemIds.map((item_id) => ({ agency_id: agencyId, inspection_id: inspectionId, item_id })))
            .onConflict((oc) => oc.columns(['inspection_id', 'item_id']).doNothing())
            .execute()
        : Promise.resolve([]),

    results: (inspectionId: string) =>
      tx
        .selectFrom('accommodation_inspection_results as r')
        .innerJoin('accommodation_checklist_items as ci', 'ci.id', 'r.item_id')
        .select(['r.id', 'r.item_id', 'ci.key', 'ci.title', 'r.result', 'r.note', 'r.severity', 'r.remedy_due'])
        .where('r.agency_id', '=', agencyId)
        .where('r.inspection_id', '=', inspectionId)
        .execute(),

    result: (inspectionId: string, resultId: string) =>
      tx
        .selectFrom('accommodation_inspection_results')
        .select(['id', 'item_id'])
        .where('agency_id', '=', agencyId)
        .where('inspection_id', '=', inspectionId)
        .where('id', '=', resultId)
        .executeTakeFirst(),

    setResult: (
      inspectionId: string,
      resultId: string,
      w: { result: string; note: string | null; severity: string | null; remedy_due: string | null },
      by: string,
    ) =>
      tx
        .updateTable('accommodation_inspection_results')
        .set({ ...w, updated_by: by, updated_at: new Date() })
        .where('agency_id', '=', agencyId)
        .where('inspection_id', '=', inspectionId)
        .where('id', '=', resultId)
        .returning('id')
        .executeTakeFirst(),

    findings: (where: { facilityId?: string; inspectionId?: string; openOnly?: boolean }) =>
      tx
        .selectFrom('accommodation_findings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .$if(!!where.facilityId, (q) => q.where('facility_id', '=', where.facilityId!))
        .$if(!!where.inspectionId, (q) =>
          q.where((eb) => eb.or([eb('inspection_id', '=', where.inspectionId!), eb('closed_by_inspection_id', '=', where.inspectionId!)])),
        )
        .$if(!!where.openOnly, (q) => q.where('state', '=', 'open'))
        .orderBy('remedy_due')
        .orderBy('created_at')
        .execute(),

    finding: (id: string) =>
      tx
        .selectFrom('accommodation_findings')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    insertFinding: (w: {
      facility_id: string;
      inspection_id: string;
      item_key: string;
      title: string;
      severity: string;
      note: string | null;
      remedy_due: string;
    }) =>
      tx
        .insertInto('accommodation_findings')
        .values({ ...w, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow(),

    closeFindings: (
      ids: string[],
      w: { closed_on: string; closed_by_inspection_id: string | null; closed_note: string | null },
      by: string,
    ) =>
      ids.length
        ? tx
            .updateTable('accommodation_findings')
            .set({ ...w, state: 'closed', closed_by: by })
            .where('agency_id', '=', agencyId)
            .where('id', 'in', ids)
            .where('state', '=', 'open')
            .returning('id')
            .execute()
        : Promise.resolve([]),
  };
}
export type InspectionsRepository = ReturnType<typeof inspectionsRepository>;
