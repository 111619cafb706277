import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createInstance, type TFunction } from 'i18next';
import { AGE_BANDS, HOUSEHOLD_TYPES, REPORT_LABELS_DE } from '../../contracts/aftercareReports';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { annualReportExportUrl, quarterXlsxUrl } from './queries';
import { buildBody, initialValues } from '../sustainment/stepForm';
import { parse, toSearch } from './listParams';
import { carriersOf, type AftercareCase, type Agreement } from './queries';
import { caseStepSpec, type CaseAction } from './steps';

const i18n = createInstance();
await i18n.init({ lng: 'de', resources: { de: { translation: de } }, interpolation: { escapeValue: false } });
const t: TFunction = i18n.t;
const me = { id: '00000000-0000-4000-8000-000000000009', displayName: 'Tina Träger' };
const baseCase = {
  id: '00000000-0000-4000-8000-000000000001',
  view: 'carrier',
  carrierWorker: null,
  check: { comparableHelp: ['sgb8'], note: null, checkedOn: '2026-11-02', checkedBy: 'x' },
  version: 3,
} as unknown as AftercareCase;

/** The body a step's form sends with its initial values (plus the version), as the dialog builds it. */
function initialBody(action: CaseAction, c = baseCase) {
  const spec = caseStepSpec(action, c, t, me);
  const { body, issues } = buildBody(spec.fields, initialValues(spec.fields), 'money');
  return { spec, body: { ...(spec.mapBody ?? ((b) => b))(body), version: c.version }, issues };
}

describe('aftercare case list filters in the URL', () => {
  it('round-trips known filters and drops unknown values', () => {
    const p = parse(new URLSearchParams('state=active&targetGroup=secured_tenancy&q=Linden&page=2&carrierId=abc'));
    expect(p).toEqual({ carrierId: 'abc', state: 'active', targetGroup: 'secured_tenancy', q: 'Linden', page: 2 });
    expect(toSearch(p).toString()).toBe('carrierId=abc&state=active&targetGroup=secured_tenancy&q=Linden&page=2');
    expect(parse(new URLSearchParams('state=burning&targetGroup=x&page=-1'))).toEqual({
      carrierId: '',
      state: '',
      targetGroup: '',
      q: '',
      page: 1,
    });
    expect(toSearch(parse(new URLSearchParams(''))).toString()).toBe('');
  });
});

describe('carriersOf', () => {
  it('lists each carrier with an agreement once, by name', () => {
    const a = (id: string, name: string) => ({ carrier: { id, name } }) as Agreement;
    expect(carriersOf([a('2', 'SKM Köln'), a('1', 'Diakonie'), a('2', 'SKM Köln')])).toEqual([
      { id: '1', name: 'Diakonie' },
      { id: '2', name: 'SKM Köln' },
    ]);
    expect(carriersOf(undefined)).toEqual([]);
  });
});

describe('case step forms', () => {
  it('fill in what they can: their initial values pass the contract schema where nothing must be typed', () => {
    for (const action of ['check', 'grant', 'recordConsent', 'withdrawConsent', 'assign', 'refuse'] as const) {
      const { spec, body, issues } = initialBody(action);
      expect(issues, action).toEqual([]);
      expect(spec.schema.safeParse(body).success, action).toBe(true);
    }
  });
  it('ask for the reason of an extension and of an end', () => {
    for (const action of ['extend', 'end'] as const)
      expect(
        initialBody(action).issues.map((i) => i.field),
        action,
      ).toContain('reason');
  });
  it('let a carrier lead assign themselves, and "nobody" becomes null', () => {
    const { body } = initialBody('assign');
    expect(body).toMatchObject({ carrierWorkerId: me.id, version: 3 });
    const spec = caseStepSpec('assign', baseCase, t, me);
    const options = spec.fields[0]!.options!.map((o) => o.value);
    expect(options).toEqual([me.id, 'none']);
    const none = buildBody(spec.fields, { ...initialValues(spec.fields), carrierWorkerId: 'none' }, 'money').body;
    expect(spec.mapBody!(none)).toEqual({ carrierWorkerId: null });
    expect(z.object({ carrierWorkerId: z.null() }).safeParse(spec.mapBody!(none)).success).toBe(true);
  });
  it('offer the carrier’s workers from the picker list, the lead marked as “me”, the current worker kept', () => {
    const worker = { id: '00000000-0000-4000-8000-000000000010', name: 'Wanda Werner' };
    const former = { id: '00000000-0000-4000-8000-000000000011', name: 'Frank Früher' };
    const c = { ...baseCase, carrierWorker: former } as AftercareCase;
    const spec = caseStepSpec('assign', c, t, me, [worker, { id: me.id, name: me.displayName }]);
    expect(spec.fields[0]!.options).toEqual([
      { value: worker.id, label: 'Wanda Werner' },
      { value: me.id, label: 'Tina Träger (ich)' },
      { value: former.id, label: 'Frank Früher' },
      { value: 'none', label: 'niemand' },
    ]);
    expect(initialValues(spec.fields).carrierWorkerId).toBe(former.id);
  });
  it('propose the refusal with the help found in the check', () => {
    expect(initialBody('refuse').body).toMatchObject({ existingHelp: 'sgb8' });
  });
});

describe('annual report labels', () => {
  it('the German UI uses the words of the German report files (one wording for the city)', () => {
    for (const [group, labels] of Object.entries(REPORT_LABELS_DE)) {
      expect(de.aftercare[group as keyof typeof REPORT_LABELS_DE], group).toEqual(expect.objectContaining(labels));
    }
  });
  it('every age band and household type has a German and an English label, the English differing', () => {
    for (const k of AGE_BANDS) expect(en.aftercare.ageBand[k]).toBeTruthy();
    for (const k of HOUSEHOLD_TYPES) expect(en.aftercare.householdType[k]).not.toBe(de.aftercare.householdType[k]);
  });
  it('download URLs name the format and, when given, the version', () => {
    expect(annualReportExportUrl('a b', 'pdf')).toBe('/api/v1/aftercare/annual-reports/a%20b/export?format=pdf');
    expect(annualReportExportUrl('x', 'xlsx', 2)).toBe('/api/v1/aftercare/annual-reports/x/export?format=xlsx&submission=2');
    expect(quarterXlsxUrl({ year: '2026', quarter: '3', carrierId: '' })).toBe(
      '/api/v1/aftercare/reports/quarter.xlsx?year=2026&quarter=3',
    );
  });
});
