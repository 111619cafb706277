import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { DocumentsTable } from '../../db/types.js';

/* Every statement on document templates and generated documents; documents.ts holds the rules. */

const TEMPLATE_COLUMNS = ['kind', 'title', 'body', 'version', 'updated_at'] as const;
const META_COLUMNS = [
  'id',
  'owner_type',
  'owner_id',
  'kind',
  'filename',
  'content_type',
  'template_version',
  'created_by',
  'created_at',
] as const;

export type TemplateValues = { title: string; body: string; updated_by: string | null; updated_at: Date };

export function documentRepository(tx: Tx, agencyId: string) {
  const templates = () => tx.selectFrom('document_templates').select(TEMPLATE_COLUMNS).where('agency_id', '=', agencyId);
  return {
    template: (kind: string) => templates().where('kind', '=', kind).executeTakeFirst(),
    templates: () => templates().execute(),
    /** The first saved version of a kind; undefined when one was saved meanwhile. */
    insertTemplate: (kind: string, values: TemplateValues) =>
      tx
        .insertInto('document_templates')
        .values({ agency_id: agencyId, kind, ...values })
        .onConflict((oc) => oc.columns(['agency_id', 'kind']).doNothing())
        .returning(TEMPLATE_COLUMNS)
        .executeTakeFirst(),
    /** The next version; undefined when `version` is no longer the saved one. */
    updateTemplate: (kind: string, version: number, values: TemplateValues) =>
      tx
        .updateTable('document_templates')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('agency_id', '=', agencyId)
        .where('kind', '=', kind)
        .where('version', '=', version)
        .returning(TEMPLATE_COLUMNS)
        .executeTakeFirst(),
    /** Drops the saved template (only that version, when given); whether one was dropped. */
    async deleteTemplate(kind: string, version?: number): Promise<boolean> {
      const res = await tx
        .deleteFrom('document_templates')
        .where('agency_id', '=', agencyId)
        .where('kind', '=', kind)
        .$if(version !== undefined, (q) => q.where('version', '=', version!))
        .executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },

    insertDocument: (values: Omit<Insertable<DocumentsTable>, 'agency_id'>) =>
      tx
        .insertInto('documents')
        .values({ agency_id: agencyId, ...values })
        .returning(['id', 'filename'])
        .executeTakeFirstOrThrow(),
  };
}

/** Metadata (no bytes) of the documents of some owners, newest first (the agency's through RLS). */
export function documentMetas(tx: Tx, ownerIds: string[]) {
  return tx
    .selectFrom('documents')
    .select([...META_COLUMNS, sql<number>`octet_length(content)`.as('size')])
    .where('owner_id', 'in', ownerIds)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One document with its bytes (RLS hides another agency's). */
export function documentWithContent(tx: Tx, id: string) {
  return tx
    .selectFrom('documents')
    .select([...META_COLUMNS, 'content', sql<number>`octet_length(content)`.as('size')])
    .where('id', '=', id)
    .executeTakeFirst();
}
