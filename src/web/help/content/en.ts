import type { HelpContent } from './types';

/** Help and glossary (English). The German legal terms are kept in the headings, explained in English. */
export const helpEn: HelpContent = {
  title: 'Help',
  intro:
    'Short guides to each area of wohnhilfe and a glossary of the legal terms. The “Help” link at the top of every page leads to the section of the area you are working in.',
  contents: 'Contents',
  glossaryTitle: 'Glossary',
  glossaryIntro:
    'The terms that appear in deadlines, letters and decisions. The explanations are no legal advice; the text of the law prevails.',
  toTop: 'Back to the contents of the help',
  sections: [
    {
      id: 'home',
      title: 'Overview and way of working',
      paragraphs: [
        'The overview shows what is waiting for you: due and overdue deadlines, new notices, offers and incidents, and unread notifications. The bell at the top shows the number of unread notifications; a click opens the list.',
        'Every process has fixed steps. A case page shows only the steps possible now; each step opens a short form. If something is missing, the message appears right at the field.',
        'Everything you read or change is logged (audit). If someone else changed a record in the meantime, you are asked to reload – so no change is lost.',
      ],
    },
    {
      id: 'households',
      title: 'Households',
      paragraphs: [
        'A household is the shared file of all programmes: members, housing situation, consents, journal and the cases in prevention, placement, sustainment and aftercare.',
        'The search finds names, file numbers and addresses, also by parts of words. Filters (e.g. “seeking housing”) and the order stay in the page address and can be bookmarked.',
      ],
      steps: [
        'Create the household: members with birth dates, the housing situation and the responsible staff.',
        'Record consents before data goes to a housing company or a carrier (purpose, recipient, form).',
        'Keep contacts and agreements in the journal; mark entries made with the household’s participation.',
      ],
      terms: ['sgb1-35', 'sgb10-67b'],
    },
    {
      id: 'deadlines',
      title: 'Deadlines',
      paragraphs: [
        'Deadlines are records of their own with a due date, a responsible person and a reminder. They arise from the steps of the cases (e.g. the cure period after an eviction lawsuit was served, the next home visit, the end of a grant) and are closed when the step is done.',
        'Working days are counted with the public holidays of the agency’s state. Overdue deadlines are reported to the lead where that is provided for.',
      ],
      terms: ['bgb-569', 'zpo-885'],
    },
    {
      id: 'prevention',
      title: 'Prevention (keeping the home)',
      paragraphs: [
        'Cases of threatened homelessness start here: court notices of eviction lawsuits, reports from landlords, the job centre or other services, visits to the open consultation hours. Lists (CSV or Excel) can be imported; every row is checked before anything is created and linked to a known household where that is certain.',
        'The time to the first contact attempt is the key figure. The contact procedure runs in fixed stages: letter, phone call, unannounced home visit – each attempt with time and channel.',
      ],
      steps: [
        'Record or import the notice; the date the lawsuit was served sets the cure period.',
        'Make contact (letter, phone, home visit) and record every attempt.',
        'Clearing: how serious is the situation, what has been tried, which benefits are missing?',
        'Measures: assumption of rent arrears (loan or grant), referral to counselling, support.',
        'Close with an outcome; “home kept” can be handed over to aftercare.',
      ],
      terms: ['bgb-543', 'bgb-569', 'bgb-573', 'sgb2-22-8', 'sgb2-22-9', 'sgb12-36', 'zpo-885', 'clearing'],
    },
    {
      id: 'placement',
      title: 'Placement (WohnenPlus)',
      paragraphs: [
        'Housing companies send offers with the exact data of the flat. The office checks them against the programme conditions (e.g. the rent ceiling by household size) and answers a refusal with its reason.',
        'The ranking proposes suitable households and explains every place and every exclusion. People decide: shortlist, round table, viewings, the household’s decision, the company’s veto.',
      ],
      steps: [
        'Check the offer (programme conditions).',
        'Create the ranking and make a shortlist; only households that consented are presented to the company.',
        'Plan the round table and the viewings (invitations as calendar entries).',
        'The household accepts or declines within a deadline; on a decline record the reasons.',
        'Record the guarantee contract and the lease – sustainment begins with them.',
      ],
      terms: ['belegungsrecht', 'garantievertrag', 'sgb10-67b', 'sgb10-78'],
    },
    {
      id: 'sustainment',
      title: 'Sustainment',
      paragraphs: [
        'During the five guarantee years every tenancy keeps a fixed contact person. The company reports rent default or conflicts; the office works it out with the household and records every step.',
        'On rent default the company decides whether to wait or to call the guarantee. After the payout the claim is assigned to the city; the household’s repayments are booked as instalments.',
      ],
      steps: [
        'Record the incident (rent default or conflict) and contact the household.',
        'Find the causes, agree on steps, report back to the company.',
        'If needed, pay out the guarantee and record the assignment of the claim.',
        'Follow the recovery with an instalment plan; close the incident.',
      ],
      terms: ['garantievertrag', 'abtretung', 'bgb-543'],
    },
    {
      id: 'aftercare',
      title: 'Aftercare (Wohnintegrationshilfe)',
      paragraphs: [
        'Voluntary, time-limited help by an NGO carrier: regular home visits, a help plan in the household’s own words, mediation with landlords and authorities. The office selects the cases and grants the help; the carrier provides it.',
        'The carrier sees a case only after the grant and the household’s consent, and only what the help needs; every transfer is logged. A withdrawal of consent ends the help at once.',
      ],
      steps: [
        'Record the referral (source, target group).',
        'Check whether a comparable help already exists (§ 67 SGB XII, integration help, SGB VIII); otherwise refuse with a letter.',
        'Record the household’s consent and grant the help (time-limited; extension with a reason).',
        'Carrier: assign a worker, set the visit rhythm, document home visits, keep the help plan up to date.',
        'End with a reason; the office checks after 6 and 12 months whether the home was kept.',
      ],
      terms: ['wih', 'sgb12-67', 'sgb10-67b', 'sgb10-78'],
    },
    {
      id: 'portal',
      title: 'Portal for housing companies',
      paragraphs: [
        'In the portal you send flat offers, follow the state of your offers, take part in the round table and, during the guarantee period, report rent default or conflicts.',
        'You see details of households only where the household consented to the transfer to your company; every transfer is logged. The data may be used for this purpose only.',
      ],
      terms: ['belegungsrecht', 'garantievertrag', 'abtretung', 'sgb10-78'],
    },
    {
      id: 'admin',
      title: 'Administration',
      paragraphs: [
        'Create users with a role, lock them or reset them; the second factor can be required per role. Administrators see no case data.',
        'Agency settings (deadlines, programme conditions, aftercare), organisations (housing companies, carriers), letter templates and the outbox of e-mails.',
      ],
    },
    {
      id: 'audit',
      title: 'Audit and data protection',
      paragraphs: [
        'The audit shows who read or changed which record when, including refused access. The entries are secured in a chained, signed sequence; a later change would show up when it is verified.',
        'Filter by person, action and period. The data-protection/audit role only reads and never changes case data.',
      ],
      terms: ['sgb1-35', 'dsgvo-15'],
    },
    {
      id: 'security',
      title: 'Security and sign-in',
      paragraphs: [
        'Protect your account with a second factor (authenticator app). Some roles must use one; you are then led to set it up after your first sign-in.',
        'Sign out when you leave your workplace. After a longer time without activity the session ends by itself.',
        'Under “Security” you can also switch on the daily summary by e-mail: on working days at 6 am your unread notifications and your deadlines due today or overdue, with links. If there is nothing new, no e-mail is sent.',
      ],
    },
  ],
  glossary: [
    {
      id: 'bgb-543',
      term: '§ 543 BGB – termination without notice for arrears',
      definition:
        'The landlord may terminate without notice when the tenant is in arrears with the rent, or a considerable part of it, for two consecutive due dates, or over a longer period with an amount equal to two months’ rent.',
    },
    {
      id: 'bgb-569',
      term: '§ 569 (3) BGB – cure period (Schonfrist)',
      definition:
        'A termination without notice for arrears becomes void if the landlord is paid, or a public body (job centre, social office) commits to pay, no later than two months after the eviction lawsuit was served – unless this already happened in the two years before. wohnhilfe sets this deadline from the date of service and reminds before it.',
    },
    {
      id: 'bgb-573',
      term: '§ 573 BGB – ordinary termination',
      definition:
        'Termination with notice for a legitimate interest of the landlord, e.g. a serious breach of duty. According to the Federal Court of Justice, paying within the cure period voids only the termination without notice, not an ordinary termination given at the same time.',
    },
    {
      id: 'sgb2-22-8',
      term: '§ 22 (8) SGB II – rent arrears assumed by the job centre',
      definition:
        'Rent arrears can be assumed when that is justified and necessary to secure the home and homelessness would otherwise threaten; they are to be granted as a loan.',
    },
    {
      id: 'sgb2-22-9',
      term: '§ 22 (9) SGB II – court notice (Mitteilung in Zivilsachen)',
      definition:
        'When an eviction lawsuit for rent arrears reaches a court, the court informs the responsible authority. These notices are a main source of prevention cases.',
    },
    {
      id: 'sgb12-36',
      term: '§ 36 SGB XII – other help to secure the home',
      definition: 'The corresponding rule for people receiving SGB XII benefits: debts assumed to secure the home, as a grant or a loan.',
    },
    {
      id: 'sgb12-67',
      term: '§ 67 SGB XII – help to overcome particular social difficulties',
      definition:
        'Help for people whose particular living conditions come with social difficulties, e.g. threatened or actual loss of the home. Where it is already in place, aftercare is not added.',
    },
    {
      id: 'sgb1-35',
      term: '§ 35 SGB I – social data secrecy',
      definition:
        'Social data may be processed only by the authorised bodies and only for the task it was collected for. That is why each role sees only what it needs and every access is logged.',
    },
    {
      id: 'sgb10-67b',
      term: '§ 67b SGB X – consent',
      definition:
        'Passing social data to third parties (e.g. a housing company or an NGO carrier) needs a legal basis or the person’s consent: with purpose, recipient and form, revocable at any time. wohnhilfe transfers nothing without a recorded consent.',
    },
    {
      id: 'sgb10-78',
      term: '§ 78 SGB X – purpose limitation at the recipient',
      definition:
        'Whoever receives social data may process it only for the purpose it was transferred for, and must keep it just as secret.',
    },
    {
      id: 'dsgvo-15',
      term: 'Art. 15 GDPR / § 83 SGB X – right of access',
      definition: 'Everyone may ask which data about them is stored, where it came from and to whom it was passed on.',
    },
    {
      id: 'zpo-885',
      term: 'Eviction date (§ 885 ZPO)',
      definition:
        'The date on which the bailiff clears the flat on the basis of an eviction order. It must be visible to everyone working on the case.',
    },
    {
      id: 'clearing',
      term: 'Clearing',
      definition:
        'The assessment phase of a prevention case: how real the threat is (reminder, termination, lawsuit, eviction date), what has been tried, own means, unclaimed benefits and the household’s wishes.',
    },
    {
      id: 'belegungsrecht',
      term: 'Allocation right and veto (Belegungsrecht, Vetorecht)',
      definition:
        'In WohnenPlus the city proposes the household for an offered flat (allocation right); the housing company may object (veto).',
    },
    {
      id: 'garantievertrag',
      term: 'Guarantee contract (Garantievertrag)',
      definition:
        'A five-year contract between the city and the housing company: the city stands in, e.g., for rent default. The lease between the company and the household is separate and unlimited.',
    },
    {
      id: 'abtretung',
      term: 'Guarantee payout and claim assignment',
      definition:
        'When the city pays under the guarantee, the company assigns its claim against the household to the city. The city then recovers the amount from the household, usually in instalments.',
    },
    {
      id: 'wih',
      term: 'Wohnintegrationshilfe',
      definition:
        'Cologne’s model of aftercare: voluntary, time-limited support by an NGO carrier with regular home visits, so that a secured or new tenancy lasts.',
    },
  ],
};
