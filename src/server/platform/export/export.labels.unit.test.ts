import { describe, expect, it } from 'vitest';
import { de } from '../../../web/i18n/de';
import { en } from '../../../web/i18n/en';
import { SITUATION, WHEREABOUTS } from '../../modules/households/households.export.js';
import { FILE_CODE_LABELS as F } from '../../modules/households/file.labels.js';
import {
  CANDIDATE_STATE_LABELS,
  CONSENT_FORM_LABELS,
  CONSENT_PURPOSE_LABELS,
  OFFER_STATE_LABELS,
} from '../../modules/placement/offers.export.js';
import { TENANCY_EXPORT_LABELS as T } from '../../modules/sustainment/tenancies.export.js';
import { AFTERCARE_EXPORT_LABELS as A } from '../../modules/aftercare/cases.export.js';
import { PREVENTION_EXPORT_LABELS as P } from '../../modules/prevention/prevention.export.js';
import { DEADLINE_KIND_LABELS } from '../deadlines/deadlines.export.js';

// The exports write codes as the words the pages show: the server's label tables must stay the web's.
describe('export labels', () => {
  it.each([
    ['de', de],
    ['en', en],
  ] as const)('%s: the exports label codes as the web does', (lang, t) => {
    const { label: _, ...situation } = t.situation;
    expect(SITUATION[lang]).toEqual(situation);
    expect(WHEREABOUTS[lang]).toEqual(t.householdAddresses.kind);
    expect(OFFER_STATE_LABELS[lang]).toEqual(t.placement.state);
    expect(CANDIDATE_STATE_LABELS[lang]).toEqual(t.placement.candidateState);
    expect(CONSENT_FORM_LABELS[lang]).toEqual(t.placement.consentForm);
    expect(CONSENT_PURPOSE_LABELS[lang].placement_disclosure).toBe(t.placementAdmin.consent.purpose);
    expect(A.consentForm[lang]).toEqual(t.aftercare.consentForm);
    expect(T.status[lang]).toEqual(t.sustainment.tenancyStatus);
    expect(T.endReason[lang]).toEqual(t.sustainment.endReason);
    expect(A.state[lang]).toEqual(t.aftercare.state);
    expect(A.targetGroup[lang]).toEqual(t.aftercare.targetGroup);
    expect(DEADLINE_KIND_LABELS[lang]).toEqual(t.deadlineKinds);
    expect(P.state[lang]).toEqual(t.prevention.state);
    // The household's file (PDF).
    expect(F.gender[lang]).toEqual(t.gender);
    expect(F.relationship[lang]).toEqual(t.relationship);
    expect(F.journalKind[lang]).toEqual(t.journalKind);
    expect(F.roles[lang]).toEqual(t.roles);
    expect(F.outcomes[lang]).toEqual(t.audit.outcomes);
    expect(P.source[lang]).toEqual(t.prevention.source);
    expect(P.stage[lang]).toEqual(t.prevention.stage);
    expect(P.outcome[lang]).toEqual(t.prevention.outcome);
  });
});
