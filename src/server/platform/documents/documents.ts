import type { TDocumentKind, TDocumentMeta, TDocumentTemplate } from '../../../contracts/documents.js';
import { isoDateIn } from '../../../contracts/format.js';
import type { Tx } from '../../db/database.js';
import { agencyFacts } from '../../modules/agencies/agencies.service.js';
import { userContacts } from '../../modules/users/users.service.js';
import { AppError } from '../errors/app-error.js';
import { documentMetas, documentRepository, documentWithContent } from './documents.repository.js';
import { renderPdf, type Letterhead } from './render.js';
import { validateTemplate, valueAt } from './template-language.js';
import { DOCUMENT_KIND_DEFS, kindDef, placeholderKeys, type DocumentKindDef } from './templates.js';

/**
 * Templates and generated documents in the database. Every function runs in the caller's
 * transaction inside the agency's RLS context (`inAgency` / `actorTx`); access checks and audit
 * events belong to the calling service, which knows who acts and on whose record.
 */

export type Template = TDocumentTemplate;

function defOf(kind: string): DocumentKindDef {
  const def = kindDef(kind);
  if (!def) throw new AppError('not_found', 'Diese Dokumentart gibt es nicht.');
  return def;
}

type TemplateRow = { kind: string; title: string; body: string; version: number; updated_at: Date };

function present(def: DocumentKindDef, row: TemplateRow | undefined): Template {
  return {
    kind: def.kind,
    title: row?.title ?? def.title,
    defaultTitle: def.title,
    body: row?.body ?? def.defaultBody,
    version: row?.version ?? 0,
    customised: !!row,
    updatedAt: row ? row.updated_at.toISOString() : null,
    placeholders: def.placeholders,
  };
}

/** The agency's saved template of a kind, or the default (version 0, customised false). */
export async function templateOf(tx: Tx, agencyId: string, kind: string): Promise<Template> {
  const def = defOf(kind);
  return present(def, await documentRepository(tx, agencyId).template(kind));
}

/** Every registered kind with the agency's current title and version. */
export async function templatesOf(tx: Tx, agencyId: string): Promise<Template[]> {
  const rows = await documentRepository(tx, agencyId).templates();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return Object.values(DOCUMENT_KIND_DEFS).map((def) => present(def, byKind.get(def.kind)));
}

/** Refuses a body with unknown or malformed placeholders: 400 with the problems on `body`. */
export function assertValidBody(kind: string, body: string): void {
  const def = defOf(kind);
  const issues = validateTemplate(body, placeholderKeys(def));
  if (issues.length) {
    throw new AppError('validation_failed', issues[0]!.message, {
      errors: issues.map((i) => ({ field: 'body', code: i.code, message: i.message })),
    });
  }
}

/**
 * Saves the agency's template of a kind when `version` is the one it was edited from (0 = the
 * default): the new version is one higher. A stale version is 412 precondition_failed.
 */
export async function saveTemplate(
  tx: Tx,
  agencyId: string,
  kind: string,
  input: { title: string; body: string; version: number },
  userId: string | null,
): Promise<Template> {
  const def = defOf(kind);
  assertValidBody(kind, input.body);
  const values = { title: input.title.trim(), body: input.body.replace(/\r\n?/g, '\n'), updated_by: userId, updated_at: new Date() };
  const repo = documentRepository(tx, agencyId);
  const row = input.version === 0 ? await repo.insertTemplate(kind, values) : await repo.updateTemplate(kind, input.version, values);
  if (!row) throw new AppError('precondition_failed', 'Die Vorlage wurde inzwischen geändert. Bitte laden Sie sie neu.');
  return present(def, row);
}

/**
 * Drops the agency's own template, so the default applies again. With `version`, only when the
 * saved one is still that version (412 otherwise). Returns whether there was one to drop.
 */
export async function resetTemplate(tx: Tx, agencyId: string, kind: string, version?: number): Promise<boolean> {
  defOf(kind);
  const deleted = await documentRepository(tx, agencyId).deleteTemplate(kind, version !== undefined && version > 0 ? version : undefined);
  if (!deleted && version !== undefined && version > 0)
    throw new AppError('precondition_failed', 'Die Vorlage wurde inzwischen geändert. Bitte laden Sie sie neu.');
  return deleted;
}

/** Values every document gets unless the caller passes them: office name, today, the author. */
async function standardData(
  tx: Tx,
  agencyId: string,
  createdBy: string | null,
): Promise<{ agencyName: string; data: Record<string, unknown> }> {
  const agency = await agencyFacts(tx, agencyId);
  const { letterhead } = agency.settings;
  const [user] = createdBy ? await userContacts(tx, agencyId, [createdBy]) : [];
  return {
    agencyName: agency.name,
    data: {
      'agency.name': agency.name,
      ...(letterhead.address ? { 'agency.address': letterhead.address } : {}),
      ...(letterhead.city ? { 'agency.city': letterhead.city } : {}),
      ...(letterhead.footer ? { 'agency.footer': letterhead.footer } : {}),
      today: isoDateIn(new Date()),
      ...(user ? { 'staff.name': user.display_name, 'staff.email': user.email } : {}),
    },
  };
}

/** Merges the caller's data over the standard values (the caller's nested or flat keys win). */
function withStandard(data: Record<string, unknown>, standard: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(standard)) {
    const given = valueAt(data, key);
    if (given === undefined || given === null || given === '') merged[key] = value;
  }
  return merged;
}

/** Renders a template (saved or unsaved) of the agency with data; the letterhead comes from the agency. */
export async function renderTemplate(
  tx: Tx,
  agencyId: string,
  template: { kind: string; title: string; body: string },
  data: Record<string, unknown>,
  createdBy: string | null,
): Promise<Buffer> {
  const def = defOf(template.kind);
  const std = await standardData(tx, agencyId, createdBy);
  const merged = withStandard(data, std.data);
  const letterhead: Letterhead = {
    agencyName: std.agencyName,
    address: typeof valueAt(merged, 'agency.address') === 'string' ? (valueAt(merged, 'agency.address') as string) : undefined,
    footer: typeof valueAt(merged, 'agency.footer') === 'string' ? (valueAt(merged, 'agency.footer') as string) : undefined,
  };
  return renderPdf({ title: template.title, body: template.body, data: merged, letterhead, placeholders: def.placeholders });
}

export interface GenerateInput {
  ownerType: string;
  ownerId: string;
  kind: TDocumentKind;
  data: Record<string, unknown>;
  filename: string;
  createdBy: string | null;
}

/** Renders the agency's current template of `kind` and stores the PDF with the template version. */
export async function generateDocument(tx: Tx, agencyId: string, input: GenerateInput): Promise<{ id: string; filename: string }> {
  const template = await templateOf(tx, agencyId, input.kind);
  const pdf = await renderTemplate(tx, agencyId, template, input.data, input.createdBy);
  const filename = input.filename.toLowerCase().endsWith('.pdf') ? input.filename : `${input.filename}.pdf`;
  return documentRepository(tx, agencyId).insertDocument({
    owner_type: input.ownerType,
    owner_id: input.ownerId,
    kind: input.kind,
    filename,
    content_type: 'application/pdf',
    content: pdf,
    template_version: template.version,
    created_by: input.createdBy,
  });
}

/** Stores an uploaded file (e.g. a signed cooperation agreement) as a document of its owner. */
export function storeUploadedDocument(
  tx: Tx,
  agencyId: string,
  input: {
    ownerType: string;
    ownerId: string;
    kind: string;
    filename: string;
    contentType: string;
    content: Buffer;
    createdBy: string | null;
  },
): Promise<{ id: string; filename: string }> {
  return documentRepository(tx, agencyId).insertDocument({
    owner_type: input.ownerType,
    owner_id: input.ownerId,
    kind: input.kind,
    filename: input.filename,
    content_type: input.contentType,
    content: input.content,
    template_version: null,
    created_by: input.createdBy,
  });
}

type MetaRow = {
  id: string;
  owner_type: string;
  owner_id: string;
  kind: string;
  filename: string;
  content_type: string;
  template_version: number | null;
  created_by: string | null;
  created_at: Date;
  size: number;
};
const presentMeta = (r: MetaRow): TDocumentMeta => ({
  id: r.id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  kind: r.kind,
  filename: r.filename,
  contentType: r.content_type,
  size: Number(r.size),
  templateVersion: r.template_version,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** Metadata (no bytes) of the documents of some owners, newest first. */
export async function documentsOf(tx: Tx, ownerIds: string[]): Promise<TDocumentMeta[]> {
  if (ownerIds.length === 0) return [];
  return (await documentMetas(tx, ownerIds)).map(presentMeta);
}

export type StoredDocument = TDocumentMeta & { content: Buffer };

/** One document with its bytes, or undefined (also when RLS hides another agency's). */
export async function loadDocument(tx: Tx, id: string): Promise<StoredDocument | undefined> {
  const r = await documentWithContent(tx, id);
  return r ? { ...presentMeta(r), content: r.content } : undefined;
}
