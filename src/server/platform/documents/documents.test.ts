import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/pdf-text.js';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { AppError } from '../errors/app-error.js';
import { documentsOf, generateDocument, loadDocument, resetTemplate, saveTemplate, templateOf, templatesOf } from './documents.js';
import { DOCUMENT_KIND_DEFS, SAMPLE_DATA } from './templates.js';

let a: TestAgency;
let b: TestAgency;
const inA = <T>(fn: Parameters<typeof inAgency<T>>[2]) => inAgency(testDbs().app, a.id, fn);
const inB = <T>(fn: Parameters<typeof inAgency<T>>[2]) => inAgency(testDbs().app, b.id, fn);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  a = await createAgency();
  b = await createAgency();
});

describe('templates', () => {
  it('gives the default (version 0) until the agency saves its own', async () => {
    const t = await inA((tx) => templateOf(tx, a.id, 'contact_letter'));
    expect(t).toMatchObject({
      kind: 'contact_letter',
      version: 0,
      customised: false,
      updatedAt: null,
      title: 'Anschreiben mit Hilfeangebot',
    });
    expect(t.body).toBe(DOCUMENT_KIND_DEFS.contact_letter.defaultBody);
    expect(t.placeholders.map((p) => p.key)).toContain('appointment.date');
  });

  it('saves with optimistic versions: 0 → 1 → 2, a stale version is 412', async () => {
    const body = '# Anschreiben\n\nHallo {{household.names}}, Termin am {{appointment.date}}.';
    const v1 = await inA((tx) =>
      saveTemplate(tx, a.id, 'contact_letter', { title: 'Erstes Anschreiben', body, version: 0 }, a.users.admin.id),
    );
    expect(v1).toMatchObject({ version: 1, customised: true, title: 'Erstes Anschreiben', body });
    const v2 = await inA((tx) =>
      saveTemplate(tx, a.id, 'contact_letter', { title: 'Anschreiben', body: `${body}\r\nZweite Zeile`, version: 1 }, a.users.admin.id),
    );
    expect(v2.version).toBe(2);
    expect(v2.body).toBe(`${body}\nZweite Zeile`);
    const stale = await rejection(
      inA((tx) => saveTemplate(tx, a.id, 'contact_letter', { title: 'Alt', body, version: 1 }, a.users.admin.id)),
    );
    expect(stale.code).toBe('precondition_failed');
    expect(stale.status).toBe(412);
    const again = await rejection(
      inA((tx) => saveTemplate(tx, a.id, 'contact_letter', { title: 'Neu', body, version: 0 }, a.users.admin.id)),
    );
    expect(again.code).toBe('precondition_failed');
    const now = await inA((tx) => templateOf(tx, a.id, 'contact_letter'));
    expect(now).toMatchObject({ version: 2, title: 'Anschreiben' });
    const row = await testDbs()
      .owner.selectFrom('document_templates')
      .selectAll()
      .where('agency_id', '=', a.id)
      .where('kind', '=', 'contact_letter')
      .executeTakeFirstOrThrow();
    expect(row.updated_by).toBe(a.users.admin.id);
  });

  it('refuses unknown placeholders with a field error on body that names them', async () => {
    const e = await rejection(
      inA((tx) =>
        saveTemplate(
          tx,
          a.id,
          'allocation_notice',
          { title: 'x', body: 'Hallo {{household.names}} {{household.iban}} {{geheim}}', version: 0 },
          null,
        ),
      ),
    );
    expect(e.code).toBe('validation_failed');
    expect(e.extra.errors).toEqual([
      { field: 'body', code: 'unknown_placeholder', message: expect.stringContaining('{{household.iban}}, {{geheim}}') },
    ]);
    expect((await inA((tx) => templateOf(tx, a.id, 'allocation_notice'))).version).toBe(0);
  });

  it('answers 404 for a kind that does not exist', async () => {
    expect((await rejection(inA((tx) => templateOf(tx, a.id, 'love_letter')))).code).toBe('not_found');
  });

  it('keeps each agency to its own templates', async () => {
    await inA((tx) => saveTemplate(tx, a.id, 'commitment_letter', { title: 'Nur A', body: 'A {{today}}', version: 0 }, null));
    expect(await inB((tx) => templateOf(tx, b.id, 'commitment_letter'))).toMatchObject({ version: 0, customised: false });
    // Even naming agency A's id inside B's transaction finds nothing: row-level security.
    expect(await inB((tx) => templateOf(tx, a.id, 'commitment_letter'))).toMatchObject({ version: 0, customised: false });
    const list = await inA((tx) => templatesOf(tx, a.id));
    expect(list.map((t) => t.kind)).toEqual(Object.keys(DOCUMENT_KIND_DEFS));
    expect(list.find((t) => t.kind === 'commitment_letter')).toMatchObject({ customised: true, title: 'Nur A' });
  });

  it('resets to the default; a stale version on reset is 412', async () => {
    await inA((tx) => saveTemplate(tx, a.id, 'assignment_declaration', { title: 'Eigene', body: 'Eigen {{today}}', version: 0 }, null));
    expect((await rejection(inA((tx) => resetTemplate(tx, a.id, 'assignment_declaration', 7)))).code).toBe('precondition_failed');
    expect(await inA((tx) => resetTemplate(tx, a.id, 'assignment_declaration', 1))).toBe(true);
    expect(await inA((tx) => templateOf(tx, a.id, 'assignment_declaration'))).toMatchObject({
      version: 0,
      customised: false,
      title: 'Abtretungserklärung',
    });
    expect(await inA((tx) => resetTemplate(tx, a.id, 'assignment_declaration'))).toBe(false);
  });
});

describe('generated documents', () => {
  const owner = crypto.randomUUID();

  it('renders the current template, stores the bytes with the template version and loads them back unchanged', async () => {
    const body =
      '# Garantievertrag Spezial\n\nZwischen {{agency.name}} und {{provider.name}} über höchstens {{guarantee.max}} ab {{lease.start}}.\n\n{{staff.name}}, {{today}}';
    const saved = await inA((tx) =>
      saveTemplate(tx, a.id, 'guarantee_contract', { title: 'Garantievertrag (Spezial)', body, version: 0 }, null),
    );
    const doc = await inA((tx) =>
      generateDocument(tx, a.id, {
        ownerType: 'tenancy',
        ownerId: owner,
        kind: 'guarantee_contract',
        data: SAMPLE_DATA,
        filename: 'Garantievertrag Müller',
        createdBy: a.users.case_manager.id,
      }),
    );
    expect(doc.filename).toBe('Garantievertrag Müller.pdf');
    const loaded = (await inA((tx) => loadDocument(tx, doc.id)))!;
    const raw = await testDbs()
      .owner.selectFrom('documents')
      .select(['content', 'template_version', 'agency_id'])
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(loaded.content, raw.content)).toBe(0);
    expect(raw.template_version).toBe(saved.version);
    expect(raw.agency_id).toBe(a.id);
    expect(loaded).toMatchObject({
      ownerType: 'tenancy',
      ownerId: owner,
      kind: 'guarantee_contract',
      contentType: 'application/pdf',
      templateVersion: 1,
      createdBy: a.users.case_manager.id,
      size: raw.content.length,
    });
    expect(loaded.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { pages, info } = await pdfText(loaded.content);
    const text = pages.join(' ').replace(/\s+/g, ' ');
    // SAMPLE_DATA's agency name wins over the stored one (the caller's data is given precedence)...
    expect(text).toContain(
      'Zwischen Stadt Musterstadt – Fachstelle Wohnungsnotfälle und Wohnbau Süd GmbH & Co. KG über höchstens 12.345,56 € ab 01.12.2026.',
    );
    expect(text).toContain('Jürgen Weiß');
    // ...while the letterhead and the author always name the agency itself.
    expect(info.Author).toBe(a.name);
    expect(info.Title).toBe('Garantievertrag (Spezial)');
  });

  it('fills in the agency name, today and the author when the caller does not pass them', async () => {
    const doc = await inA((tx) =>
      generateDocument(tx, a.id, {
        ownerType: 'household',
        ownerId: owner,
        kind: 'allocation_notice',
        data: { household: { names: 'Familie Öztürk' } },
        filename: 'mitteilung.pdf',
        createdBy: a.users.social_worker.id,
      }),
    );
    const { content } = (await inA((tx) => loadDocument(tx, doc.id)))!;
    const text = (await pdfText(content)).pages.join(' ').replace(/\s+/g, ' ');
    const today = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(
      new Date(),
    );
    expect(text).toContain('Familie Öztürk');
    expect(text).toContain(`social_worker ${a.users.social_worker.email.split('.')[1]!.split('@')[0]}`);
    expect(text).toContain(a.name);
    expect(text).toContain(today);
    expect(doc.filename).toBe('mitteilung.pdf');
    expect(text).toContain('Die Wohnung erhält der Haushalt Familie Öztürk.');
    expect(text).toContain('beginnen. Die monatliche Kaltmiete beträgt —');
  });

  it('lists metadata without bytes, newest first, and hides other agencies’ documents', async () => {
    const list = await inA((tx) => documentsOf(tx, [owner, crypto.randomUUID()]));
    expect(list.map((d) => d.filename)).toEqual(['mitteilung.pdf', 'Garantievertrag Müller.pdf']);
    expect(list.every((d) => !('content' in d) && d.size > 1000)).toBe(true);
    expect(await inA((tx) => documentsOf(tx, []))).toEqual([]);
    expect(await inB((tx) => documentsOf(tx, [owner]))).toEqual([]);
    expect(await inB((tx) => loadDocument(tx, list[0]!.id))).toBeUndefined();
  });
});
