import type { storedTextsDe } from '../de/storedTexts';

/* English of the texts the server stores (see de/storedTexts.ts). */
export const storedTextsEn: typeof storedTextsDe = {
  textPart: {
    invite: { invited: 'Invitation', changed: 'Changed', cancelled: 'Cancelled' },
    incidentKind: { rent_default: 'rent default', conflict: 'conflict' },
  },
  tenancyTimeline: {
    tenancy_created: 'Tenancy {{reference}} recorded (lease start {{leaseStartOn}})',
    incident_step: '{{incident}}: $t(sustainment.step.{{step}})',
    contact_reached: 'Contact ($t(sustainment.channel.{{channel}})): reached',
    contact_not_reached: 'Contact ($t(sustainment.channel.{{channel}})): not reached',
    payout: 'Guarantee payment {{amountCents}} paid on {{paidOn}}',
    assignment_received: 'Assignment declaration received on {{receivedOn}}',
    recovery_agreement_monthly: 'Instalment agreement: {{instalmentCents}} monthly from {{startsOn}}',
    recovery_agreement_quarterly: 'Instalment agreement: {{instalmentCents}} quarterly from {{startsOn}}',
    recovery_payment: 'Repayment {{amountCents}} on {{paidOn}}',
    document: 'Document: {{filename}}',
    tenancy_ended: 'Tenancy ended as of {{endedOn}}: $t(sustainment.endReason.{{reason}})',
    closing_review: 'Closing review: $t(sustainment.outcome.{{outcome}})',
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
    prevention_contact: '{{reference}}: $t(prevention.contact.stepLabel.{{stepCode}}) (step {{n}})',
    prevention_cure_end: '{{reference}}: cure period ends on {{endOn}}',
    prevention_defence_end: '{{reference}}: notice of defence due by {{endOn}}',
    prevention_hearing: '{{reference}}: court hearing {{hearingAt}}',
    prevention_eviction: '{{reference}}: eviction {{evictionAt}}',
    aftercare_visit: 'Home visit {{reference}}',
    aftercare_end: 'End of aftercare {{reference}}: extend or end',
    aftercare_follow_up: 'Follow-up check {{reference}} ({{months}} months after the end): is the home kept?',
    aftercare_annual_report: 'Submit the aftercare annual report {{year}} ({{carrier}})',
    privacy_request_due: 'Answer access request {{reference}} (Art. 15 GDPR)',
    retention_review: 'Confirm erasure after the retention period',
    accommodation_statistics: 'Report the {{year}} federal statistics of accommodated homeless persons (WoBerichtsG)',
  },
  notice: {
    accommodationArrival: {
      title: 'New assignment: {{facility}}',
      body: 'A household is assigned from {{fromOn}}. Please confirm the move-in.',
    },
    accommodationIncident: {
      title: 'Incident reported: {{facility}}',
      body: '$t(accommodationPortal.incidentKind.{{kind}}) on {{occurredOn}}, reported by the operator. Please see the assignment.',
    },
    roundTableInvite: {
      title: '$t(textPart.invite.{{change}}): WohnenPlus round table {{offer}}',
      body: 'Round table on the housing offer {{offer}} ({{street}}, {{district}}) on {{startsAt}}. {{video}}',
    },
    viewingInvite: {
      title: '$t(textPart.invite.{{change}}): flat viewing {{offer}} ({{pseudonym}})',
      body: 'Viewing of the flat {{street}}, {{postalCode}} {{city}} with {{pseudonym}} on {{startsAt}}. Meeting point: {{place}}.',
    },
    workReassigned: { title_one: 'An item was handed over to you', title: '{{count}} items were handed over to you' },
    importDone: {
      title: 'Import “{{filename}}” finished: {{created}} cases created',
      body: '{{newHouseholds}} new households, {{linked}} linked to existing households, {{skipped}} rows skipped.',
    },
    deadlineReminder: { title: 'Reminder: $t({{titleKey}}) by {{dueOn}}' },
    deadlineReminderPlain: { title: 'Reminder: {{title}} by {{dueOn}}' },
    deadlineAlert: {
      title: 'Deadline passed: $t({{titleKey}})',
      body: 'Deadline passed: $t({{titleKey}}) (due on {{dueOn}})',
    },
    deadlineAlertPlain: { title: 'Deadline passed: {{title}}', body: 'Deadline passed: {{title}} (due on {{dueOn}})' },
    caseOpened: {
      title: 'New notice {{reference}}: make contact at once',
      body: '{{name}}, {{street}}. The contact procedure starts today.',
    },
    evictionDate: { title: 'Eviction date in case {{reference}}', body: 'Eviction on {{evictionAt}}.' },
    caseAssigned: { title: 'Case {{reference}} was assigned to you', body: 'Please look at the case and its deadlines.' },
    caseReached: { title: 'Contact made: case {{reference}}', body: 'The household has been reached. Please start the clearing.' },
    clearingDone: {
      title: 'Clearing completed: case {{reference}}',
      body: 'Please start the measures (e.g. taking over the rent arrears).',
    },
    homeLost: { title: 'Home lost: case {{reference}}', body: 'Please offer accommodation and note the household for housing placement.' },
    caseClosed: { title: 'Case {{reference}} closed: $t(prevention.outcome.{{outcome}})', body: '{{note}}' },
    aftercareReferral: {
      title: 'New aftercare case {{reference}}',
      body: 'From {{fromOn}} the office hands over to {{carrier}} a household whose home was kept. The details follow after approval and consent.',
    },
    caseReopened: { title: 'Case {{reference}} reopened', body: '{{reason}}' },
    noticeAdded: {
      title: 'Further notice on case {{reference}}',
      body: '$t(prevention.source.{{source}}) of {{receivedOn}} added to the open case.',
    },
    earlyWarningAdded: { title: 'Early warning from aftercare on case {{reference}}', body: '{{carrier}}: {{findings}}.' },
    earlyWarningCase: {
      title: 'Early warning from aftercare {{reference}}: make contact at once',
      body: '{{carrier}} reports from a home visit: {{findings}}. The contact procedure starts today.',
    },
    arrearsPaid: {
      title: 'Rent arrears paid: case {{reference}}',
      body: 'The payment to the landlord is recorded. Settle the outcome with the landlord.',
    },
    offerSubmitted: {
      title: 'New housing offer {{offer}}',
      body: 'A housing company has submitted an offer. Please check the programme conditions.',
    },
    candidateAccepted: { title: '{{pseudonym}} has accepted ({{offer}})', body: 'The household wants to move into the flat {{street}}.' },
    candidateRefusedOffice: {
      title: '{{pseudonym}} has refused ({{offer}})',
      body: 'Please hold a follow-up talk with the household soon.',
    },
    candidateRefusedProvider: {
      title: '{{pseudonym}} has refused ({{offer}})',
      body: 'The office is clarifying the reasons with the household.',
    },
    candidateVetoed: { title: 'Veto against {{pseudonym}} ({{offer}})', body: 'The housing company has vetoed: {{reason}}' },
    offerAllocated: {
      title: 'Flat allocated: {{offer}}',
      body: 'The flat {{street}} was allocated to {{pseudonym}}. Next, the guarantee and lease contracts are concluded.',
    },
    candidateReleased: { title: 'Not selected: {{offer}}', body: 'The household was not selected for this flat and is back in the pool.' },
    offerLet: { title: 'Tenancy begins: {{offer}}', body: 'Guarantee and lease contracts are recorded. Lease starts {{leaseStartOn}}.' },
    offerRestarted: {
      title: 'New shortlist ({{offer}})',
      body: 'No lease came about for the flat {{street}}. The office is selecting households again.',
    },
    candidatePresented: { title: 'New household for {{offer}}', body: '{{pseudonym}} has been presented to you for the flat {{street}}.' },
    offerApproved: {
      title: 'Offer accepted ({{offer}})',
      body: 'Your housing offer {{offer}} meets the programme conditions. The office is now selecting suitable households.',
    },
    offerDeclined: { title: 'Offer declined ({{offer}})', body: 'Your housing offer {{offer}} was declined. Reason: {{reason}}' },
    offerWithdrawn: { title: 'Offer withdrawn ({{offer}})', body: 'The housing company has withdrawn the offer {{offer}}: {{reason}}' },
    retentionDue: {
      title: '{{count}} households for erasure after their retention period',
      body: 'Please confirm the anonymisation or justify further retention by {{confirmByOn}}.',
    },
    annualReportOpened: {
      title: 'Annual report {{year}} of the aftercare carrier prepared',
      body: 'The annual report {{year}} for {{carrier}} has been drafted; the figures are ready. Please submit it by {{dueOn}}.',
    },
    aftercareStarted: {
      title: 'Aftercare begins: {{reference}}',
      body: 'The office has granted the aftercare and consent has been given. First home visit by {{firstVisitOn}}.',
    },
    aftercareWithdrawn: {
      title: 'Aftercare {{reference}} ended',
      body: 'The household has withdrawn its consent. The help ends; the case is no longer available to you.',
    },
    aftercareExtended: { title: 'Aftercare {{reference}} extended', body: 'The help is extended until {{untilOn}}.' },
    aftercareAssigned: { title: 'Aftercare case {{reference}} assigned', body: 'Visit rhythm: every {{weeks}} weeks.' },
    aftercareEnded: { title: 'Aftercare {{reference}} ended: $t(aftercare.endReason.{{reason}})', body: 'The help ended on {{endedOn}}.' },
    aftercareReferred: { title: 'New aftercare referral {{reference}}', body: 'Please check comparable help and decide on the aftercare.' },
    visitsMissed: {
      title: 'Aftercare {{reference}}: {{missed}} home visits in a row did not take place',
      body: 'The last attempt was on {{visitedOn}}. Please decide how to proceed.',
    },
    annualReportSubmitted: {
      title: 'Annual report {{year}} submitted by {{carrier}} (version {{no}})',
      body: 'The carrier {{carrier}} has submitted the aftercare annual report {{year}}.',
    },
    annualReportReturned: {
      title: 'Annual report {{year}} returned',
      body: 'The office has returned the annual report {{year}} (version {{no}}): {{reason}}',
    },
    tenancyCreated: {
      title: 'Tenancy {{reference}} recorded',
      body: 'The tenancy {{street}} was entered directly. Guarantee until {{endOn}}.',
    },
    tenancyEnded: { title: 'Tenancy {{reference}} ended', body: 'The tenancy {{street}} ends on {{endedOn}}.' },
    closingReview: { title: 'Closing review {{reference}}', body: 'The result of the closing review for {{street}} is in.' },
    reasonsClarified: {
      title: 'Reasons clarified: {{incident}}',
      body: 'Social work has recorded the reasons. Please inform the housing company.',
    },
    tenancySecuredSolved: { title: 'Tenancy secured: {{tenancy}}', body: 'The housing company has been informed of the solution.' },
    providerWaits: { title: 'Housing company waits: {{incident}}', body: 'Re-check on {{recheckOn}}.' },
    paymentDemanded: {
      title: 'Payment demanded: {{incident}}',
      body: 'The housing company will not wait any longer. Please arrange the guarantee payment ({{amountCents}}) at once.',
    },
    stillUnpaid: {
      title: 'Rent still unpaid: {{incident}}',
      body: 'Open: {{amountCents}}. The clarification starts again (round {{round}}).',
    },
    rentPaid: { title: 'Rent paid: {{incident}}', body: 'The rent default is settled.' },
    warningRecordedProvider: { title: 'Warning recorded: {{incident}}', body: 'Warning of {{issuedOn}}{{note}}.' },
    warningRecorded: { title: 'Warning recorded: {{incident}}', body: 'Warning of {{issuedOn}}.' },
    conflictSolved: {
      title: 'Conflict solved: {{incident}}',
      body: 'Social work reports: the problem is solved. Please inform the housing company.',
    },
    incidentCancelled: { title: 'Incident closed without further steps: {{incident}}', body: '{{reason}}' },
    payoutProvider: {
      title: 'Guarantee payment {{amountCents}} for {{tenancy}}',
      body: 'The office pays {{amountCents}} from the guarantee contract ({{months}}). Please sign and return the attached assignment declaration.',
    },
    payoutSocialWork: {
      title: 'Guarantee payment {{amountCents}} for {{tenancy}}',
      body: 'The claim passes to the office. Please work with the household on repayment.',
    },
    securedProvider: {
      title: 'Tenancy secured: {{tenancy}}',
      body: 'The assignment declaration has been received. The office takes care of the assigned claim.',
    },
    securedSocialWork: {
      title: 'Tenancy secured: {{tenancy}}',
      body: 'Recovery of the assigned claim continues: please record the instalment agreement and payments.',
    },
    followUpNeeded: {
      title: 'Follow-up help needed: {{household}}',
      body: 'The tenancy {{street}} has been terminated (lease ends {{leaseEndsOn}}). Please consider prevention or a new placement.',
    },
    rentDefaultReported: {
      title: 'Rent default reported: {{tenancy}}',
      body_one: 'Rent default {{amountCents}} ({{count}} month) for {{street}}. Please inform social work.',
      body_other: 'Rent default {{amountCents}} ({{count}} months) for {{street}}. Please inform social work.',
    },
    conflictReported: {
      title: 'Conflict reported: {{tenancy}}',
      body: 'Conflict ($t(sustainment.category.{{category}})) on {{occurredOn}} for {{street}}. Please inform social work.',
    },
    conflictForwarded: {
      title: 'Conflict {{incident}}: please take over',
      body: 'Conflict in the tenancy {{street}}. Please contact the household at once.',
    },
    rentDefaultForwarded: {
      title: 'Rent default {{incident}}: please take over',
      body: 'The rent for {{street}} is unpaid. Please clarify the reasons with the household. {{note}}',
    },
    providerConflictSolved: { title: 'Conflict solved: {{tenancy}}', body: 'Message from the office: {{message}}' },
    providerDecide: {
      title: 'Rent default {{tenancy}}: please decide',
      body: 'Message from the office: {{message}}\n\nPlease decide in the portal: wait (with a re-check date) or demand payment at once.',
    },
    contactReached: { title: 'Contact recorded: {{incident}}', body: 'Social work has reached the household.' },
    contactNotReached: { title: 'Contact recorded: {{incident}}', body: 'Social work has not reached the household and keeps trying.' },
    recoveryAgreementMonthly: {
      title: 'Instalment agreement {{reference}}',
      body: '{{instalmentCents}} monthly from {{startsOn}} on the open claim of {{openCents}}.',
    },
    recoveryAgreementQuarterly: {
      title: 'Instalment agreement {{reference}}',
      body: '{{instalmentCents}} quarterly from {{startsOn}} on the open claim of {{openCents}}.',
    },
    recoveryPayment: { title: 'Repayment {{reference}}: {{amountCents}}', body: 'Open claim now {{openCents}}.' },
    recoveryPaymentSettled: { title: 'Repayment {{reference}}: {{amountCents}}', body: 'The assigned claim is fully settled.' },
    terminationGuaranteeContinues: {
      title: 'Termination recorded: {{reference}}',
      body: 'The office has recorded the termination as of {{leaseEndsOn}}. The guarantee continues.',
    },
    terminationGuaranteeEnds: {
      title: 'Termination recorded: {{reference}}',
      body: 'The office has recorded the termination as of {{leaseEndsOn}}. The guarantee ends with the tenancy.',
    },
  },
};
