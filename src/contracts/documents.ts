import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';

/** Letters and contracts generated from agency-editable templates. */
export const DOCUMENT_KINDS = [
  'guarantee_contract',
  'allocation_notice',
  'assignment_declaration',
  'contact_letter',
  'commitment_letter',
  'aftercare_refusal',
  'accommodation_order',
  'accommodation_cost_note',
] as const;
export const ZDocumentKind = z.enum(DOCUMENT_KINDS).describe('Art des Dokuments');
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZPlaceholder = z.object({
  key: z.string().describe('Platzhalter, im Text als {{key}}'),
  description: z.string(),
  type: z.enum(['text', 'date', 'money', 'list']).optional().describe('Formatierung: Datum TT.MM.JJJJ, Betrag 1.234,56 €, Liste'),
});

export const ZDocumentTemplateSummary = z.object({
  kind: ZDocumentKind,
  title: z.string(),
  version: z.number().int().describe('0 = Standardvorlage, sonst Version der eigenen Vorlage'),
  customised: z.boolean(),
  updatedAt: ZTimestamp.nullable(),
});
export const ZDocumentTemplateList = z.object({ items: z.array(ZDocumentTemplateSummary) });

export const ZDocumentTemplate = ZDocumentTemplateSummary.extend({
  body: z.string(),
  defaultTitle: z.string(),
  placeholders: z.array(ZPlaceholder),
});
export type TDocumentTemplate = z.infer<typeof ZDocumentTemplate>;

export const TEMPLATE_BODY_MAX = 50_000;
export const ZDocumentTemplateUpdate = z.object({
  title: z.string().trim().min(1, 'Bitte einen Titel angeben.').max(200),
  body: z.string().min(1, 'Der Text darf nicht leer sein.').max(TEMPLATE_BODY_MAX),
  version: z.number().int().min(0).describe('Version, auf der die Änderung beruht (0 = Standardvorlage); oder If-Match'),
});
export type TDocumentTemplateUpdate = z.infer<typeof ZDocumentTemplateUpdate>;

export const ZDocumentTemplatePreview = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().min(1).max(TEMPLATE_BODY_MAX).optional().describe('Ungespeicherter Text; ohne: die gespeicherte Vorlage'),
});

export const ZDocumentMeta = z.object({
  id: ZId,
  ownerType: z.string(),
  ownerId: ZId,
  kind: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  templateVersion: z.number().int().nullable(),
  createdBy: ZId.nullable(),
  createdAt: ZTimestamp,
});
export type TDocumentMeta = z.infer<typeof ZDocumentMeta>;
