import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgency, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { inAgency } from '../../db/database.js';
import { notify, setPublicUrl } from './notify.js';

let agency: TestAgency;
const owner = () => testDbs().owner;
const mails = () => owner().selectFrom('outbox_mails').selectAll().where('agency_id', '=', agency.id).orderBy('created_at').execute();
const notices = () => owner().selectFrom('notifications').selectAll().where('agency_id', '=', agency.id).execute();

beforeEach(async () => {
  agency = await createAgency();
});
afterEach(() => setPublicUrl(undefined));

describe('notify', () => {
  it('writes one notification per user and mails only active users', async () => {
    const { case_manager: cm, lead, social_worker: sw } = agency.users;
    await owner().updateTable('users').set({ active: false }).where('id', '=', sw.id).execute();
    setPublicUrl('https://wohnhilfe.example.de/');
    await inAgency(testDbs().app, agency.id, (tx) =>
      notify(tx, agency.id, {
        userIds: [cm.id, lead.id, cm.id, sw.id],
        kind: 'placement.offer_received',
        title: 'Neues Wohnungsangebot',
        body: 'Die Wohnbau Test GmbH hat eine Wohnung angeboten.',
        link: '/placement/offers/42',
      }),
    );
    const rows = await notices();
    expect(rows.map((n) => n.user_id).sort()).toEqual([cm.id, lead.id, sw.id].sort());
    expect(rows[0]).toMatchObject({
      kind: 'placement.offer_received',
      title: 'Neues Wohnungsangebot',
      link: '/placement/offers/42',
      read_at: null,
    });

    const sent = await mails();
    expect(sent.map((m) => m.to_addresses[0]).sort()).toEqual([cm.email, lead.email].sort());
    expect(sent[0]!.subject).toBe('Neues Wohnungsangebot');
    expect(sent[0]!.kind).toBe('placement.offer_received');
    expect(sent[0]!.text_body).toContain('Die Wohnbau Test GmbH hat eine Wohnung angeboten.');
    expect(sent[0]!.text_body).toContain('Zum Vorgang: https://wohnhilfe.example.de/placement/offers/42');
    expect(sent[0]!.status).toBe('pending');
  });

  it('takes a mail text and attachments of its own, or sends no mail at all', async () => {
    const { case_manager: cm } = agency.users;
    const attachment = {
      filename: 'einladung.ics',
      contentType: 'text/calendar',
      content: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
      method: 'REQUEST',
    };
    await inAgency(testDbs().app, agency.id, async (tx) => {
      await notify(tx, agency.id, {
        userIds: [cm.id],
        kind: 'k.one',
        title: 'Einladung',
        mail: { subject: 'Einladung zum runden Tisch', text: 'Bitte kommen Sie.', attachments: [attachment] },
      });
      await notify(tx, agency.id, { userIds: [cm.id], kind: 'k.two', title: 'Nur im Programm', mail: false });
    });
    expect((await notices()).map((n) => n.kind).sort()).toEqual(['k.one', 'k.two']);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: 'Einladung zum runden Tisch', attachments: [attachment] });
    expect(sent[0]!.text_body.startsWith('Bitte kommen Sie.')).toBe(true);
  });

  it('refuses users of another agency and rolls back with its transaction', async () => {
    const other = await createAgency();
    await expect(
      inAgency(testDbs().app, agency.id, (tx) =>
        notify(tx, agency.id, {
          userIds: [agency.users.lead.id, other.users.lead.id],
          kind: 'x',
          title: 'Fremd',
        }),
      ),
    ).rejects.toThrow(/unknown users/);
    expect(await notices()).toHaveLength(0);
    expect(await mails()).toHaveLength(0);
  });
});
