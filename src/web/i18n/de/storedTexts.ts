/*
 * Texts the server stores (deadline titles, notifications) as a key with parameters
 * (src/web/lib/storedText.ts renders them). Parameter names say how the web formats them:
 * …On a date, …At a date and time, …Cents an amount; `count` chooses singular or plural.
 * Every key the server uses must exist here and in en/storedTexts.ts (storedTexts.unit.test.ts).
 */
export const storedTextsDe = {
  /** Parts of texts: codes the server passes as parameters, nested with $t(textPart.….{{code}}). */
  textPart: {
    invite: { invited: 'Einladung', changed: 'Geändert', cancelled: 'Abgesagt' },
    incidentKind: { rent_default: 'Mietausfall', conflict: 'Konflikt' },
  },
  /** The tenancy's timeline (src/server/modules/sustainment/tenancy-detail.service.ts), by entry. */
  tenancyTimeline: {
    tenancy_created: 'Mietverhältnis {{reference}} erfasst (Mietbeginn {{leaseStartOn}})',
    incident_step: '{{incident}}: $t(sustainment.step.{{step}})',
    contact_reached: 'Kontakt ($t(sustainment.channel.{{channel}})): erreicht',
    contact_not_reached: 'Kontakt ($t(sustainment.channel.{{channel}})): nicht erreicht',
    payout: 'Garantieleistung {{amountCents}} ausgezahlt am {{paidOn}}',
    assignment_received: 'Abtretungserklärung eingegangen am {{receivedOn}}',
    recovery_agreement_monthly: 'Ratenvereinbarung: {{instalmentCents}} monatlich ab {{startsOn}}',
    recovery_agreement_quarterly: 'Ratenvereinbarung: {{instalmentCents}} vierteljährlich ab {{startsOn}}',
    recovery_payment: 'Rückzahlung {{amountCents}} am {{paidOn}}',
    document: 'Dokument: {{filename}}',
    tenancy_ended: 'Mietverhältnis beendet zum {{endedOn}}: $t(sustainment.endReason.{{reason}})',
    closing_review: 'Abschlussbewertung: $t(sustainment.outcome.{{outcome}})',
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
    prevention_contact: '{{reference}}: $t(prevention.contact.stepLabel.{{stepCode}}) (Schritt {{n}})',
    prevention_cure_end: '{{reference}}: Schonfrist endet am {{endOn}}',
    prevention_defence_end: '{{reference}}: Verteidigungsanzeige bis {{endOn}}',
    prevention_hearing: '{{reference}}: Verhandlungstermin {{hearingAt}} Uhr',
    prevention_eviction: '{{reference}}: Räumungstermin {{evictionAt}} Uhr',
    aftercare_visit: 'Hausbesuch {{reference}}',
    aftercare_end: 'Ende der Nachsorge {{reference}}: verlängern oder beenden',
    aftercare_follow_up: 'Nachprüfung {{reference}} ({{months}} Monate nach Ende): Wohnung noch gehalten?',
    aftercare_annual_report: 'Jahresbericht {{year}} der Wohnintegrationshilfe ({{carrier}}) einreichen',
    privacy_request_due: 'Auskunft {{reference}} erteilen (Art. 15 DSGVO)',
    retention_review: 'Löschung nach Ablauf der Aufbewahrungsfrist bestätigen',
    accommodation_statistics: 'Bundesstatistik {{year}} untergebrachter Wohnungsloser melden (WoBerichtsG)',
    accommodation_finding_remedy: 'Mangel beheben: {{title}} ({{facility}})',
    accommodation_routine_inspection: 'Regelbegehung: {{facility}}',
  },
  notice: {
    accommodationArrival: {
      title: 'Neue Zuweisung: {{facility}}',
      body: 'Ein Haushalt ist ab {{fromOn}} zugewiesen. Bitte den Einzug bestätigen.',
    },
    accommodationIncident: {
      title: 'Vorkommnis gemeldet: {{facility}}',
      body: '$t(accommodationPortal.incidentKind.{{kind}}) am {{occurredOn}}, gemeldet vom Betreiber. Bitte auf der Zuweisung ansehen.',
    },
    roundTableInvite: {
      title: '$t(textPart.invite.{{change}}): Runder Tisch WohnenPlus {{offer}}',
      body: 'Runder Tisch zum Wohnungsangebot {{offer}} ({{street}}, {{district}}) am {{startsAt}} Uhr. {{video}}',
    },
    viewingInvite: {
      title: '$t(textPart.invite.{{change}}): Wohnungsbesichtigung {{offer}} ({{pseudonym}})',
      body: 'Besichtigung der Wohnung {{street}}, {{postalCode}} {{city}} mit {{pseudonym}} am {{startsAt}} Uhr. Treffpunkt: {{place}}.',
    },
    workReassigned: { title_one: 'Ihnen wurde ein Eintrag übergeben', title: 'Ihnen wurden {{count}} Einträge übergeben' },
    importDone: {
      title: 'Import „{{filename}}“ abgeschlossen: {{created}} Fälle angelegt',
      body: '{{newHouseholds}} neue Haushalte, {{linked}} mit vorhandenen Haushalten verknüpft, {{skipped}} Zeilen übersprungen.',
    },
    deadlineReminder: { title: 'Erinnerung: $t({{titleKey}}) bis {{dueOn}}' },
    deadlineReminderPlain: { title: 'Erinnerung: {{title}} bis {{dueOn}}' },
    deadlineAlert: {
      title: 'Frist überschritten: $t({{titleKey}})',
      body: 'Frist überschritten: $t({{titleKey}}) (fällig am {{dueOn}})',
    },
    deadlineAlertPlain: { title: 'Frist überschritten: {{title}}', body: 'Frist überschritten: {{title}} (fällig am {{dueOn}})' },
    caseOpened: {
      title: 'Neue Mitteilung {{reference}}: sofort Kontakt aufnehmen',
      body: '{{name}}, {{street}}. Das Kontaktverfahren beginnt heute.',
    },
    evictionDate: { title: 'Räumungstermin in Fall {{reference}}', body: 'Räumung am {{evictionAt}} Uhr.' },
    caseAssigned: { title: 'Fall {{reference}} wurde Ihnen zugewiesen', body: 'Bitte den Fall und seine Fristen ansehen.' },
    caseReached: { title: 'Kontakt hergestellt: Fall {{reference}}', body: 'Der Haushalt ist erreicht. Bitte das Clearing beginnen.' },
    clearingDone: {
      title: 'Clearing abgeschlossen: Fall {{reference}}',
      body: 'Bitte die Maßnahmen einleiten (z. B. Mietschuldenübernahme).',
    },
    homeLost: {
      title: 'Wohnung verloren: Fall {{reference}}',
      body: 'Bitte Unterbringung anbieten und den Haushalt für die Wohnungsvermittlung vormerken.',
    },
    caseClosed: { title: 'Fall {{reference}} abgeschlossen: $t(prevention.outcome.{{outcome}})', body: '{{note}}' },
    aftercareReferral: {
      title: 'Neuer Nachsorgefall {{reference}}',
      body: 'Die Fachstelle übergibt ab {{fromOn}} einen Haushalt, dessen Wohnung erhalten wurde, an {{carrier}}. Die Angaben folgen nach Bewilligung und Einwilligung.',
    },
    caseReopened: { title: 'Fall {{reference}} wieder geöffnet', body: '{{reason}}' },
    noticeAdded: {
      title: 'Weitere Mitteilung zu Fall {{reference}}',
      body: '$t(prevention.source.{{source}}) vom {{receivedOn}} zum offenen Fall hinzugefügt.',
    },
    earlyWarningAdded: { title: 'Frühwarnung aus der Nachsorge zu Fall {{reference}}', body: '{{carrier}}: {{findings}}.' },
    earlyWarningCase: {
      title: 'Frühwarnung aus der Nachsorge {{reference}}: sofort Kontakt aufnehmen',
      body: '{{carrier}} meldet beim Hausbesuch: {{findings}}. Das Kontaktverfahren beginnt heute.',
    },
    arrearsPaid: {
      title: 'Mietschulden gezahlt: Fall {{reference}}',
      body: 'Die Zahlung an den Vermieter ist erfasst. Ergebnis mit dem Vermieter klären.',
    },
    offerSubmitted: {
      title: 'Neues Wohnungsangebot {{offer}}',
      body: 'Ein Wohnungsunternehmen hat ein Angebot eingereicht. Bitte die Programmbedingungen prüfen.',
    },
    candidateAccepted: { title: '{{pseudonym}} hat zugesagt ({{offer}})', body: 'Der Haushalt möchte die Wohnung {{street}} beziehen.' },
    candidateRefusedOffice: {
      title: '{{pseudonym}} hat abgesagt ({{offer}})',
      body: 'Bitte zeitnah ein Nachgespräch mit dem Haushalt führen.',
    },
    candidateRefusedProvider: {
      title: '{{pseudonym}} hat abgesagt ({{offer}})',
      body: 'Die Fachstelle klärt die Gründe mit dem Haushalt.',
    },
    candidateVetoed: { title: 'Veto gegen {{pseudonym}} ({{offer}})', body: 'Das Wohnungsunternehmen hat ein Veto eingelegt: {{reason}}' },
    offerAllocated: {
      title: 'Wohnung vergeben: {{offer}}',
      body: 'Die Wohnung {{street}} wurde an {{pseudonym}} vergeben. Als Nächstes werden Garantievertrag und Mietvertrag abgeschlossen.',
    },
    candidateReleased: {
      title: 'Nicht ausgewählt: {{offer}}',
      body: 'Der Haushalt wurde für diese Wohnung nicht ausgewählt und ist wieder im Pool.',
    },
    offerLet: {
      title: 'Mietverhältnis beginnt: {{offer}}',
      body: 'Garantievertrag und Mietvertrag sind erfasst. Mietbeginn {{leaseStartOn}}.',
    },
    offerRestarted: {
      title: 'Neue Vorauswahl ({{offer}})',
      body: 'Für die Wohnung {{street}} kam kein Mietvertrag zustande. Die Fachstelle wählt erneut Haushalte aus.',
    },
    candidatePresented: {
      title: 'Neuer Haushalt für {{offer}}',
      body: '{{pseudonym}} wurde Ihnen für die Wohnung {{street}} vorgestellt.',
    },
    offerApproved: {
      title: 'Angebot angenommen ({{offer}})',
      body: 'Ihr Wohnungsangebot {{offer}} erfüllt die Programmbedingungen. Die Fachstelle wählt jetzt passende Haushalte aus.',
    },
    offerDeclined: { title: 'Angebot abgelehnt ({{offer}})', body: 'Ihr Wohnungsangebot {{offer}} wurde abgelehnt. Grund: {{reason}}' },
    offerWithdrawn: {
      title: 'Angebot zurückgezogen ({{offer}})',
      body: 'Das Wohnungsunternehmen hat das Angebot {{offer}} zurückgezogen: {{reason}}',
    },
    retentionDue: {
      title: '{{count}} Haushalte zur Löschung nach Ablauf der Aufbewahrungsfrist',
      body: 'Bitte bis {{confirmByOn}} die Anonymisierung bestätigen oder die weitere Aufbewahrung begründen.',
    },
    annualReportOpened: {
      title: 'Jahresbericht {{year}} der Wohnintegrationshilfe bereitgestellt',
      body: 'Der Jahresbericht {{year}} für {{carrier}} ist als Entwurf angelegt; die Zahlen stehen bereit. Bitte bis {{dueOn}} einreichen.',
    },
    aftercareStarted: {
      title: 'Nachsorge beginnt: {{reference}}',
      body: 'Die Fachstelle hat die Wohnintegrationshilfe bewilligt, die Einwilligung liegt vor. Erster Hausbesuch bis {{firstVisitOn}}.',
    },
    aftercareWithdrawn: {
      title: 'Nachsorge {{reference}} beendet',
      body: 'Der Haushalt hat seine Einwilligung widerrufen. Die Hilfe endet; der Fall steht Ihnen nicht mehr zur Verfügung.',
    },
    aftercareExtended: { title: 'Nachsorge {{reference}} verlängert', body: 'Die Hilfe ist bis {{untilOn}} verlängert.' },
    aftercareAssigned: { title: 'Nachsorgefall {{reference}} zugewiesen', body: 'Besuchsrhythmus: alle {{weeks}} Wochen.' },
    aftercareEnded: {
      title: 'Nachsorge {{reference}} beendet: $t(aftercare.endReason.{{reason}})',
      body: 'Ende der Hilfe am {{endedOn}}.',
    },
    aftercareReferred: {
      title: 'Neue Meldung zur Nachsorge {{reference}}',
      body: 'Bitte vergleichbare Hilfen prüfen und über die Wohnintegrationshilfe entscheiden.',
    },
    visitsMissed: {
      title: 'Nachsorge {{reference}}: {{missed}} Hausbesuche in Folge nicht zustande gekommen',
      body: 'Der letzte Versuch war am {{visitedOn}}. Bitte das weitere Vorgehen klären.',
    },
    annualReportSubmitted: {
      title: 'Jahresbericht {{year}} von {{carrier}} eingereicht (Fassung {{no}})',
      body: 'Der Träger {{carrier}} hat den Jahresbericht {{year}} der Wohnintegrationshilfe eingereicht.',
    },
    annualReportReturned: {
      title: 'Jahresbericht {{year}} zurückgegeben',
      body: 'Die Fachstelle hat den Jahresbericht {{year}} (Fassung {{no}}) zurückgegeben: {{reason}}',
    },
    tenancyCreated: {
      title: 'Mietverhältnis {{reference}} erfasst',
      body: 'Das Mietverhältnis {{street}} wurde direkt erfasst. Garantie bis {{endOn}}.',
    },
    tenancyEnded: { title: 'Mietverhältnis {{reference}} beendet', body: 'Das Mietverhältnis {{street}} endet zum {{endedOn}}.' },
    closingReview: { title: 'Abschlussbewertung {{reference}}', body: 'Ergebnis der Abschlussbewertung für {{street}} liegt vor.' },
    reasonsClarified: {
      title: 'Gründe geklärt: {{incident}}',
      body: 'Die Sozialarbeit hat die Gründe festgehalten. Bitte das Wohnungsunternehmen informieren.',
    },
    tenancySecuredSolved: {
      title: 'Mietverhältnis gesichert: {{tenancy}}',
      body: 'Das Wohnungsunternehmen wurde über die Lösung informiert.',
    },
    providerWaits: { title: 'Wohnungsunternehmen wartet ab: {{incident}}', body: 'Wiedervorlage am {{recheckOn}}.' },
    paymentDemanded: {
      title: 'Zahlung verlangt: {{incident}}',
      body: 'Das Wohnungsunternehmen wartet nicht länger. Bitte die Garantieleistung ({{amountCents}}) sofort veranlassen.',
    },
    stillUnpaid: {
      title: 'Miete weiter unbezahlt: {{incident}}',
      body: 'Offen: {{amountCents}}. Die Klärung beginnt erneut (Durchlauf {{round}}).',
    },
    rentPaid: { title: 'Miete bezahlt: {{incident}}', body: 'Der Mietausfall ist erledigt.' },
    warningRecordedProvider: { title: 'Abmahnung erfasst: {{incident}}', body: 'Abmahnung vom {{issuedOn}}{{note}}.' },
    warningRecorded: { title: 'Abmahnung erfasst: {{incident}}', body: 'Abmahnung vom {{issuedOn}}.' },
    conflictSolved: {
      title: 'Konflikt gelöst: {{incident}}',
      body: 'Die Sozialarbeit meldet: das Problem ist gelöst. Bitte das Wohnungsunternehmen informieren.',
    },
    incidentCancelled: { title: 'Vorgang eingestellt: {{incident}}', body: '{{reason}}' },
    payoutProvider: {
      title: 'Garantieleistung {{amountCents}} für {{tenancy}}',
      body: 'Die Fachstelle zahlt {{amountCents}} aus dem Garantievertrag ({{months}}). Bitte die beigefügte Abtretungserklärung unterschreiben und zurücksenden.',
    },
    payoutSocialWork: {
      title: 'Garantieleistung {{amountCents}} für {{tenancy}}',
      body: 'Die Forderung geht auf die Fachstelle über. Bitte mit dem Haushalt an der Rückzahlung arbeiten.',
    },
    securedProvider: {
      title: 'Mietverhältnis gesichert: {{tenancy}}',
      body: 'Die Abtretungserklärung ist eingegangen. Die Fachstelle kümmert sich um die abgetretene Forderung.',
    },
    securedSocialWork: {
      title: 'Mietverhältnis gesichert: {{tenancy}}',
      body: 'Die Rückführung der abgetretenen Forderung geht weiter: bitte Ratenvereinbarung und Zahlungen erfassen.',
    },
    followUpNeeded: {
      title: 'Anschlusshilfe nötig: {{household}}',
      body: 'Das Mietverhältnis {{street}} wurde gekündigt (Mietende {{leaseEndsOn}}). Bitte Prävention oder erneute Vermittlung prüfen.',
    },
    rentDefaultReported: {
      title: 'Mietausfall gemeldet: {{tenancy}}',
      body_one: 'Mietausfall {{amountCents}} ({{count}} Monat) für {{street}}. Bitte die Sozialarbeit informieren.',
      body_other: 'Mietausfall {{amountCents}} ({{count}} Monate) für {{street}}. Bitte die Sozialarbeit informieren.',
    },
    conflictReported: {
      title: 'Konfliktfall gemeldet: {{tenancy}}',
      body: 'Konfliktfall ($t(sustainment.category.{{category}})) am {{occurredOn}} für {{street}}. Bitte die Sozialarbeit informieren.',
    },
    conflictForwarded: {
      title: 'Konfliktfall {{incident}}: bitte übernehmen',
      body: 'Konflikt im Mietverhältnis {{street}}. Bitte umgehend Kontakt zum Haushalt aufnehmen.',
    },
    rentDefaultForwarded: {
      title: 'Mietausfall {{incident}}: bitte übernehmen',
      body: 'Die Miete für {{street}} ist nicht bezahlt. Bitte die Gründe mit dem Haushalt klären. {{note}}',
    },
    providerConflictSolved: { title: 'Konflikt gelöst: {{tenancy}}', body: 'Nachricht der Fachstelle: {{message}}' },
    providerDecide: {
      title: 'Mietausfall {{tenancy}}: bitte entscheiden',
      body: 'Nachricht der Fachstelle: {{message}}\n\nBitte im Portal entscheiden: abwarten (mit Wiedervorlage) oder Zahlung sofort verlangen.',
    },
    contactReached: { title: 'Kontakt dokumentiert: {{incident}}', body: 'Die Sozialarbeit hat den Haushalt erreicht.' },
    contactNotReached: {
      title: 'Kontakt dokumentiert: {{incident}}',
      body: 'Die Sozialarbeit hat den Haushalt nicht erreicht und versucht es weiter.',
    },
    recoveryAgreementMonthly: {
      title: 'Ratenvereinbarung {{reference}}',
      body: '{{instalmentCents}} monatlich ab {{startsOn}} auf die offene Forderung von {{openCents}}.',
    },
    recoveryAgreementQuarterly: {
      title: 'Ratenvereinbarung {{reference}}',
      body: '{{instalmentCents}} vierteljährlich ab {{startsOn}} auf die offene Forderung von {{openCents}}.',
    },
    recoveryPayment: { title: 'Rückzahlung {{reference}}: {{amountCents}}', body: 'Offene Forderung jetzt {{openCents}}.' },
    recoveryPaymentSettled: {
      title: 'Rückzahlung {{reference}}: {{amountCents}}',
      body: 'Die abgetretene Forderung ist vollständig beglichen.',
    },
    terminationGuaranteeContinues: {
      title: 'Kündigung erfasst: {{reference}}',
      body: 'Die Fachstelle hat die Kündigung zum {{leaseEndsOn}} erfasst. Garantie bleibt bestehen.',
    },
    terminationGuaranteeEnds: {
      title: 'Kündigung erfasst: {{reference}}',
      body: 'Die Fachstelle hat die Kündigung zum {{leaseEndsOn}} erfasst. Garantie endet mit dem Mietverhältnis.',
    },
  },
};
