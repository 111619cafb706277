import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/pdf-text.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { contentDisposition, sendDocument } from './documents.routes.js';

let app: FastifyInstance;
let agency: TestAgency;
let admin: Client;
let lead: Client;
let caseManager: Client;
const URL = '/api/v1/document-templates';

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  admin = client(app, await login(app, agency.users.admin.email));
  lead = client(app, await login(app, agency.users.lead.email));
  caseManager = client(app, await login(app, agency.users.case_manager.email));
});
afterAll(() => app.close());

const auditEvents = () =>
  testDbs()
    .owner.selectFrom('audit_events')
    .select(['action', 'entity_type', 'entity_id', 'actor_id', 'details'])
    .where('agency_id', '=', agency.id)
    .where('action', '=', 'template.update')
    .orderBy('id')
    .execute();

describe('document template routes', () => {
  it('lists every kind with title, version and whether it is customised', async () => {
    const res = await admin.get(URL);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { kind: string }) => i.kind)).toEqual([
      'guarantee_contract',
      'allocation_notice',
      'assignment_declaration',
      'contact_letter',
      'commitment_letter',
      'aftercare_refusal',
      'accommodation_order',
      'accommodation_cost_note',
    ]);
    expect(items[0]).toEqual({ kind: 'guarantee_contract', title: 'Garantievertrag', version: 0, customised: false, updatedAt: null });
  });

  it('edits a template: read with ETag, save with If-Match, stale → 412, unknown placeholder → 400 on body, reset', async () => {
    const read = await admin.get(`${URL}/guarantee_contract`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    const t = read.json();
    expect(t.placeholders).toContainEqual({ key: 'guarantee.max', description: 'Höchstbetrag der Garantie', type: 'money' });
    expect(t.body).toContain('{{guarantee.end}}');

    const body = `${t.body}\n\nZusatz: Gilt auch für Stellplätze.`;
    const saved = await admin.put(`${URL}/guarantee_contract`, { title: 'Garantievertrag WohnenPlus', body }, { 'if-match': '"0"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({ version: 1, customised: true, title: 'Garantievertrag WohnenPlus', body });
    expect((await admin.get(URL)).json().items[0]).toMatchObject({ version: 1, customised: true, title: 'Garantievertrag WohnenPlus' });

    const stale = await admin.put(`${URL}/guarantee_contract`, { title: 'Alt', body, version: 0 });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('precondition_failed');

    const noVersion = await admin.put(`${URL}/guarantee_contract`, { title: 'Ohne', body });
    expect(noVersion.statusCode).toBe(428);

    const unknown = await admin.put(`${URL}/guarantee_contract`, { title: 'x', body: 'Hallo {{provider.iban}}', version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: 'body', code: 'unknown_placeholder', message: expect.stringContaining('{{provider.iban}}') },
    ]);

    const empty = await admin.put(`${URL}/guarantee_contract`, { title: ' ', body: '', version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body', 'title']);

    const staleReset = await admin.del(`${URL}/guarantee_contract`, { 'if-match': '"9"' });
    expect(staleReset.statusCode).toBe(412);
    const reset = await admin.del(`${URL}/guarantee_contract`, { 'if-match': '"1"' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ version: 0, customised: false, title: 'Garantievertrag' });
    expect(reset.json().body).toBe(t.body);

    const events = await auditEvents();
    expect(events).toEqual([
      {
        action: 'template.update',
        entity_type: 'document_template',
        entity_id: 'guarantee_contract',
        actor_id: agency.users.admin.id,
        details: { version: 1, title: 'Garantievertrag WohnenPlus' },
      },
      {
        action: 'template.update',
        entity_type: 'document_template',
        entity_id: 'guarantee_contract',
        actor_id: agency.users.admin.id,
        details: { reset: true },
      },
    ]);
  });

  it('previews the saved template or an unsaved draft as a PDF with sample data and the agency name', async () => {
    const res = await admin.post(`${URL}/allocation_notice/preview`, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''vorschau-allocation_notice.pdf");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, info } = await pdfText(res.rawPayload);
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Mitteilung über die Wohnungsvergabe');
    expect(text).toContain('Lärchenweg 7');
    expect(text).toContain(agency.name);
    expect(text).toContain(`admin ${agency.users.admin.email.split('.')[1]!.split('@')[0]}`);
    expect(info.Author).toBe(agency.name);

    const draft = await lead.post(`${URL}/allocation_notice/preview`, {
      title: 'Entwurf',
      body: '# Entwurf\n\nMiete: **{{lease.coldRent}}** ab {{lease.start}}',
    });
    expect(draft.statusCode).toBe(200);
    const draftText = (await pdfText(draft.rawPayload)).pages.join(' ').replace(/\s+/g, ' ');
    expect(draftText).toContain('Miete: 612,50 € ab 01.12.2026');

    const bad = await admin.post(`${URL}/allocation_notice/preview`, { body: '{{nope}}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body');
  });

  it('lets leads read and preview but not change; other staff get 403; unknown kinds 404', async () => {
    expect((await lead.get(URL)).statusCode).toBe(200);
    expect((await lead.get(`${URL}/contact_letter`)).statusCode).toBe(200);
    expect((await lead.put(`${URL}/contact_letter`, { title: 'x', body: 'x', version: 0 })).statusCode).toBe(403);
    expect((await lead.del(`${URL}/contact_letter`)).statusCode).toBe(403);
    expect((await caseManager.get(URL)).statusCode).toBe(403);
    expect((await caseManager.post(`${URL}/contact_letter/preview`, {})).statusCode).toBe(403);
    expect((await admin.get(`${URL}/love_letter`)).statusCode).toBe(404);
    expect((await admin.put(`${URL}/love_letter`, { title: 'x', body: 'x', version: 0 })).statusCode).toBe(404);
    expect((await client(app, null).get(URL)).statusCode).toBe(401);
  });
});

describe('sendDocument', () => {
  it('sends the bytes as an attachment with an RFC 5987 file name and no caching', async () => {
    const bytes = Buffer.from('%PDF-1.3 fake \u00ff bytes', 'latin1');
    const tiny = Fastify();
    tiny.get('/d', (_req, reply) =>
      sendDocument(reply, { filename: 'Garantievertrag Müller (Entwurf) 100%.pdf', contentType: 'application/pdf', content: bytes }),
    );
    const res = await tiny.inject({ method: 'GET', url: '/d' });
    await tiny.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Garantievertrag Muller _Entwurf_ 100_.pdf"; filename*=UTF-8\'\'Garantievertrag%20M%C3%BCller%20%28Entwurf%29%20100%25.pdf',
    );
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
  });

  it('never lets a quote or line break escape the header', () => {
    expect(contentDisposition('inline', 'a"b\r\nc.pdf')).toBe('inline; filename="a_b__c.pdf"; filename*=UTF-8\'\'a%22b%0D%0Ac.pdf');
    expect(contentDisposition('attachment', 'Straße.pdf')).toBe('attachment; filename="Strasse.pdf"; filename*=UTF-8\'\'Stra%C3%9Fe.pdf');
  });
});
