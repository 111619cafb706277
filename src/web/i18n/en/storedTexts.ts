import type { storedTextsDe } from '../de/storedTexts';

/* English of the texts the server stores (see de/storedTexts.ts). */
export const storedTextsEn: typeof storedTextsDe = {
  textPart: {
    incidentKind: { rent_default: 'rent default', conflict: 'conflict' },
  },
  deadlineTitle: {
    offer_check: 'Check offer {{offer}}',
    round_table: 'Plan the round table for {{offer}}',
    round_table_again: 'Plan the round table for {{offer}} (round {{round}})',
    household_decision: 'Decision of {{pseudonym}} ({{candidate}}) on {{offer}}',
    follow_up_talk: 'Follow-up talk after refusal: {{pseudonym}} ({{candidate}}) on {{offer}}',
    contracts: 'Conclude guarantee and lease contracts: {{offer}}',
    guarantee_reminder_one: 'Guarantee {{reference}} ends on {{endOn}} ({{count}} month left): prepare the closing review',
    guarantee_reminder_other: 'Guarantee {{reference}} ends on {{endOn}} ({{count}} months left): prepare the closing review',
    closing_review: 'Closing review {{reference}}: the guarantee ends on {{endOn}}',
    incident_forward: '{{incident}}: forward the $t(textPart.incidentKind.{{kind}}) to social work ({{tenancy}})',
    incident_contact: '{{incident}}: contact the household at once (conflict, {{tenancy}})',
    incident_clarify: '{{incident}}: clarify the reasons for the rent default with the household ({{tenancy}})',
    incident_clarify_again: '{{incident}}: rent still unpaid – clarify the reasons again ({{tenancy}})',
    incident_inform_provider: '{{incident}}: inform the housing company of the reasons ({{tenancy}})',
    incident_inform_provider_solved: '{{incident}}: inform the housing company of the solution ({{tenancy}})',
    incident_recheck: '{{incident}}: re-check – is the rent paid? ({{tenancy}})',
    incident_payout: '{{incident}}: pay out the guarantee at once ({{tenancy}})',
    incident_assignment: "{{incident}}: record the company's signed assignment declaration ({{tenancy}})",
    prevention_contact: '{{reference}}: {{step}} (step {{n}})',
    prevention_cure_end: '{{reference}}: cure period ends on {{endOn}}',
    prevention_defence_end: '{{reference}}: notice of defence due by {{endOn}}',
    prevention_hearing: '{{reference}}: court hearing {{hearingAt}}',
    prevention_eviction: '{{reference}}: eviction {{evictionAt}}',
    aftercare_visit: 'Home visit {{reference}}',
    aftercare_end: 'End of aftercare {{reference}}: extend or end',
    aftercare_follow_up: 'Follow-up check {{reference}} ({{months}} months after the end): is the home kept?',
    aftercare_annual_report: 'Submit the aftercare annual report {{year}} ({{carrier}})',
  },
  notice: {
    deadlineReminder: { title: 'Reminder: $t({{titleKey}}) by {{dueOn}}' },
    deadlineReminderPlain: { title: 'Reminder: {{title}} by {{dueOn}}' },
    deadlineAlert: {
      title: 'Deadline passed: $t({{titleKey}})',
      body: 'Deadline passed: $t({{titleKey}}) (due on {{dueOn}})',
    },
    deadlineAlertPlain: { title: 'Deadline passed: {{title}}', body: 'Deadline passed: {{title}} (due on {{dueOn}})' },
  },
};
