import type { Kysely } from 'kysely';
import type { Tx } from '../database.js';
import { inAgency } from '../database.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import type { DB } from '../types.js';

/*
 * The demo's desks: the programme seeds give every case to one case manager (the first by e-mail)
 * and nothing is ever due today. Here the lead's distribution of the work is replayed — the README's
 * logins take over part of it, with the deadlines that belong to it — one deadline is due today and
 * one is a day overdue, one offer and one case wait unassigned for the lead, and everyone finds the
 * notifications the processes would have sent. Deterministic (records by reference), run once.
 */

const dayBefore = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function users(tx: Tx, agencyId: string) {
  const rows = await tx.selectFrom('users').select(['id', 'email']).where('agency_id', '=', agencyId).execute();
  const by = (local: string) => rows.find((u) => u.email.startsWith(`${local}@`))?.id ?? null;
  return {
    cm: by('sachbearbeitung'),
    cm2: by('sachbearbeitung2'),
    sw: by('sozialarbeit'),
    sw2: by('sozialarbeit2'),
    acc: by('unterkunft'),
    lead: by('leitung'),
    auditor: by('revision'),
    dpo: by('datenschutz'),
    admin: by('admin'),
    provider: by('wohnungsunternehmen'),
    carrier: by('traeger'),
  };
}

/** Gives a record to another holder; its open deadlines held by the previous one go with it. */
async function handOver(tx: Tx, subjectIds: string[], from: string | null, to: string) {
  if (subjectIds.length === 0) return;
  await tx
    .updateTable('deadlines')
    .set({ assignee_id: to })
    .where('subject_id', 'in', subjectIds)
    .where('status', '=', 'open')
    .where('assignee_id', from === null ? 'is' : '=', from)
    .execute();
}

export async function seedDesk(db: Kysely<DB>, agencies: { id: string }[]): Promise<void> {
  const today = berlinDate(new Date());
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      const u = await users(tx, a.id);
      if (!u.cm || !u.cm2 || !u.sw || !u.sw2 || !u.lead) return;
      // Once: the README case manager's first notification marks a desk that is set up.
      if (await tx.selectFrom('notifications').select('id').where('user_id', '=', u.cm).executeTakeFirst()) return;

      // Prevention: the README case manager and social worker take the new notice and the case in clearing.
      const cases = await tx
        .selectFrom('prevention_cases')
        .select(['id', 'reference', 'status', 'first_attempt_at', 'case_manager_id', 'social_worker_id', 'next_contact_due_on'])
        .where('agency_id', '=', a.id)
        .orderBy('reference')
        .execute();
      const fresh = cases.find((c) => c.status === 'contacting' && c.first_attempt_at === null);
      const clearing = cases.find((c) => c.status === 'clearing');
      for (const c of [fresh, clearing]) {
        if (!c) continue;
        await tx.updateTable('prevention_cases').set({ case_manager_id: u.cm, social_worker_id: u.sw }).where('id', '=', c.id).execute();
        await handOver(tx, [c.id], c.case_manager_id, u.cm);
        await handOver(tx, [c.id], c.social_worker_id, u.sw);
      }
      // The new notice's contact letter is due today.
      if (fresh) {
        await tx.updateTable('prevention_cases').set({ next_contact_due_on: today }).where('id', '=', fresh.id).execute();
        await tx
          .updateTable('deadlines')
          .set({ due_at: endOfDayBerlin(today), remind_at: null })
          .where('subject_id', '=', fresh.id)
          .where('kind', '=', 'prevention_contact')
          .where('status', '=', 'open')
          .execute();
      }

      // Placement: the README case manager checks the older submitted offer; the newer one waits for the lead.
      const offers = await tx
        .selectFrom('offers')
        .select(['id', 'reference', 'status', 'case_manager_id'])
        .where('agency_id', '=', a.id)
        .orderBy('reference')
        .execute();
      const submitted = offers.filter((o) => o.status === 'submitted');
      if (submitted[0]) {
        await tx.updateTable('offers').set({ case_manager_id: u.cm }).where('id', '=', submitted[0].id).execute();
        await handOver(tx, [submitted[0].id], null, u.cm);
      }

      // Sustainment: two tenancies change to the README case manager and social worker, with their incidents' deadlines.
      const tenancies = await tx
        .selectFrom('tenancies')
        .select(['id', 'reference', 'contact_person_id', 'social_worker_id'])
        .where('agency_id', '=', a.id)
        .where('status', '=', 'active')
        .orderBy('reference')
        .execute();
      const mine = tenancies.slice(0, 2);
      const incidents = await tx
        .selectFrom('incidents')
        .select(['id', 'reference', 'tenancy_id', 'kind', 'state'])
        .where('agency_id', '=', a.id)
        .orderBy('reference')
        .execute();
      for (const t of mine) {
        await tx.updateTable('tenancies').set({ contact_person_id: u.cm, social_worker_id: u.sw }).where('id', '=', t.id).execute();
        const theirs = incidents.filter((i) => i.tenancy_id === t.id).map((i) => i.id);
        await handOver(tx, [t.id, ...theirs], t.contact_person_id, u.cm);
        await handOver(tx, [t.id, ...theirs], t.social_worker_id, u.sw);
      }
      // One incident step of the README case manager was due yesterday: overdue (the lead was alerted).
      const late = await tx
        .selectFrom('deadlines')
        .select(['id', 'title', 'link'])
        .where('agency_id', '=', a.id)
        .where('assignee_id', '=', u.cm)
        .where('subject_type', '=', 'incident')
        .where('status', '=', 'open')
        .orderBy('due_at')
        .executeTakeFirst();
      if (late) {
        await tx
          .updateTable('deadlines')
          .set({ due_at: endOfDayBerlin(dayBefore(today)), remind_at: null, reminded_at: new Date(), alerted_at: new Date() })
          .where('id', '=', late.id)
          .execute();
      }

      const ref = (xs: { reference: string }[] | undefined, i = 0) => xs?.[i]?.reference ?? '';
      const note = (userId: string | null, kind: string, title: string, body: string | null, link: string | null, read = false) =>
        userId ? [{ agency_id: a.id, user_id: userId, kind, title, body, link, read_at: read ? new Date() : null }] : [];
      const aftercare = await tx
        .selectFrom('aftercare_cases')
        .select(['id', 'reference', 'state'])
        .where('agency_id', '=', a.id)
        .orderBy('reference')
        .execute();
      const running = aftercare.find((c) => c.state === 'active');
      const provider = offers.find((o) => o.status === 'submitted');
      const rows = [
        ...(fresh
          ? note(
              u.cm,
              'prevention.created',
              `Neue Mitteilung: Fall ${fresh.reference}`,
              'Bitte das Kontaktverfahren beginnen: das Anschreiben ist heute fällig.',
              `/prevention/cases/${fresh.id}`,
            )
          : []),
        ...(late ? note(u.cm, 'deadline.alerted', `Frist überschritten: ${late.title}`, null, late.link) : []),
        ...(submitted[0]
          ? note(
              u.cm,
              'placement.offer_received',
              `Neues Angebot ${submitted[0].reference} zur Prüfung`,
              'Das Wohnungsunternehmen hat das Angebot gesendet.',
              `/placement/offers/${submitted[0].id}`,
              true,
            )
          : []),
        ...(clearing
          ? note(
              u.sw,
              'prevention.reached',
              `Kontakt hergestellt: Fall ${clearing.reference}`,
              'Der Haushalt ist erreicht. Bitte das Clearing beginnen.',
              `/prevention/cases/${clearing.id}`,
            )
          : []),
        ...(mine[0]
          ? note(
              u.sw,
              'sustainment.assigned',
              `Sie begleiten jetzt das Mietverhältnis ${mine[0].reference}`,
              'Die Leitung hat die Zuständigkeit neu verteilt.',
              `/sustainment/tenancies/${mine[0].id}`,
            )
          : []),
        ...(late ? note(u.lead, 'deadline.escalated', `Frist überschritten (Eskalation): ${late.title}`, null, late.link) : []),
        ...(submitted[1]
          ? note(
              u.lead,
              'placement.offer_received',
              `Angebot ${submitted[1].reference} ohne Ansprechperson`,
              'Bitte einer Sachbearbeitung zuweisen.',
              `/placement/offers/${submitted[1].id}`,
            )
          : []),
        ...(offers.find((o) => o.status === 'shortlisting')
          ? note(
              u.acc,
              'placement.shortlist',
              `Vorauswahl für Angebot ${offers.find((o) => o.status === 'shortlisting')!.reference}`,
              'Bitte Haushalte aus Ihrer Unterkunft für den runden Tisch einschätzen.',
              `/placement/offers/${offers.find((o) => o.status === 'shortlisting')!.id}`,
            )
          : []),
        ...(provider
          ? note(
              u.provider,
              'placement.offer_submitted',
              `Ihr Angebot ${ref([provider])} ist eingegangen`,
              'Die Fachstelle prüft es.',
              null,
            )
          : []),
        ...(running
          ? note(
              u.carrier,
              'aftercare.granted',
              `Nachsorge ${running.reference} übertragen`,
              'Die Einwilligung liegt vor; bitte den ersten Hausbesuch planen.',
              `/aftercare/cases/${running.id}`,
            )
          : []),
        ...note(
          u.cm2,
          'work.reassigned',
          'Zuständigkeit neu verteilt',
          'Die Leitung hat einen Teil Ihrer Fälle, Angebote und Mietverhältnisse übergeben.',
          '/',
          true,
        ),
        ...note(
          u.cm2,
          'deadline.reminder',
          'Erinnerung: Fristen in dieser Woche',
          'Ihre Fristen finden Sie unter „Meine Fristen“.',
          '/deadlines',
        ),
        ...note(
          u.sw2,
          'work.reassigned',
          'Zuständigkeit neu verteilt',
          'Die Leitung hat einen Teil Ihrer Begleitungen an die Kollegin übergeben.',
          '/',
        ),
        ...note(
          u.auditor,
          'audit.review',
          'Monatliche Stichprobe der Zugriffe fällig',
          'Zugriffe auf Haushalte im Audit-Protokoll prüfen.',
          '/audit',
        ),
        ...note(
          u.dpo,
          'privacy.review',
          'Vierteljährliche Prüfung der Übermittlungen fällig',
          'Übermittlungen an Wohnungsunternehmen und Träger sowie die Einwilligungen stichprobenartig prüfen.',
          '/privacy/dpo',
        ),
        ...note(
          u.admin,
          'users.review',
          'Konten ohne zweiten Faktor prüfen',
          'Die Dienststelle verlangt für Administration und Revision einen zweiten Faktor.',
          '/admin/users',
        ),
      ];
      if (rows.length) await tx.insertInto('notifications').values(rows).execute();
    });
  }
}
