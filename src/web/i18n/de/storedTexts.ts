/*
 * Texts the server stores (deadline titles, notifications) as a key with parameters
 * (src/web/lib/storedText.ts renders them). Parameter names say how the web formats them:
 * …On a date, …At a date and time, …Cents an amount; `count` chooses singular or plural.
 * Every key the server uses must exist here and in en/storedTexts.ts (storedTexts.unit.test.ts).
 */
export const storedTextsDe = {
  /** Parts of texts: codes the server passes as parameters, nested with $t(textPart.….{{code}}). */
  textPart: {
    incidentKind: { rent_default: 'Mietausfall', conflict: 'Konflikt' },
  },
  deadlineTitle: {
    offer_check: 'Angebot {{offer}} prüfen',
    round_table: 'Runden Tisch für {{offer}} planen',
    round_table_again: 'Runden Tisch für {{offer}} planen (Runde {{round}})',
    household_decision: 'Entscheidung {{pseudonym}} ({{candidate}}) zu {{offer}}',
    follow_up_talk: 'Nachgespräch nach Absage: {{pseudonym}} ({{candidate}}) zu {{offer}}',
    contracts: 'Garantie- und Mietvertrag abschließen: {{offer}}',
    guarantee_reminder_one: 'Garantie {{reference}} endet am {{endOn}} (noch {{count}} Monat): Abschlussbewertung vorbereiten',
    guarantee_reminder_other: 'Garantie {{reference}} endet am {{endOn}} (noch {{count}} Monate): Abschlussbewertung vorbereiten',
    closing_review: 'Abschlussbewertung {{reference}}: Garantie endet am {{endOn}}',
    incident_forward: '{{incident}}: $t(textPart.incidentKind.{{kind}}) an die Sozialarbeit weitergeben ({{tenancy}})',
    incident_contact: '{{incident}}: Haushalt sofort kontaktieren (Konflikt, {{tenancy}})',
    incident_clarify: '{{incident}}: Gründe des Mietausfalls mit dem Haushalt klären ({{tenancy}})',
    incident_clarify_again: '{{incident}}: Miete weiter unbezahlt – Gründe erneut klären ({{tenancy}})',
    incident_inform_provider: '{{incident}}: Wohnungsunternehmen über die Gründe informieren ({{tenancy}})',
    incident_inform_provider_solved: '{{incident}}: Wohnungsunternehmen über die Lösung informieren ({{tenancy}})',
    incident_recheck: '{{incident}}: Wiedervorlage – ist die Miete bezahlt? ({{tenancy}})',
    incident_payout: '{{incident}}: Garantieleistung sofort auszahlen ({{tenancy}})',
    incident_assignment: '{{incident}}: unterschriebene Abtretungserklärung des Unternehmens erfassen ({{tenancy}})',
    prevention_contact: '{{reference}}: {{step}} (Schritt {{n}})',
    prevention_cure_end: '{{reference}}: Schonfrist endet am {{endOn}}',
    prevention_defence_end: '{{reference}}: Verteidigungsanzeige bis {{endOn}}',
    prevention_hearing: '{{reference}}: Verhandlungstermin {{hearingAt}} Uhr',
    prevention_eviction: '{{reference}}: Räumungstermin {{evictionAt}} Uhr',
    aftercare_visit: 'Hausbesuch {{reference}}',
    aftercare_end: 'Ende der Nachsorge {{reference}}: verlängern oder beenden',
    aftercare_follow_up: 'Nachprüfung {{reference}} ({{months}} Monate nach Ende): Wohnung noch gehalten?',
    aftercare_annual_report: 'Jahresbericht {{year}} der Wohnintegrationshilfe ({{carrier}}) einreichen',
  },
  notice: {
    deadlineReminder: { title: 'Erinnerung: $t({{titleKey}}) bis {{dueOn}}' },
    deadlineReminderPlain: { title: 'Erinnerung: {{title}} bis {{dueOn}}' },
    deadlineAlert: {
      title: 'Frist überschritten: $t({{titleKey}})',
      body: 'Frist überschritten: $t({{titleKey}}) (fällig am {{dueOn}})',
    },
    deadlineAlertPlain: { title: 'Frist überschritten: {{title}}', body: 'Frist überschritten: {{title}} (fällig am {{dueOn}})' },
  },
};
