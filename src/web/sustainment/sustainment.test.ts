import { describe, expect, it } from 'vitest';
import {
  incidentQuery,
  incidentSearchParams,
  parseIncidentParams,
  parseTenancyParams,
  tenancyQuery,
  tenancySearchParams,
} from './listParams';
import { stageStatuses } from './progress';
import { buildBody, initialValues, serverIssues, type FieldSpec } from './stepForm';
import { ApiError } from '../api';

describe('list parameters in the URL', () => {
  it('round-trips the incident queue filters and drops unknown values', () => {
    const p = parseIncidentParams(new URLSearchParams('kind=conflict&state=waiting&mine=true&page=3'), false);
    expect(p).toEqual({ kind: 'conflict', state: 'waiting', mine: true, page: 3, pageSize: 25 });
    expect(incidentSearchParams(p).toString()).toBe('kind=conflict&state=waiting&mine=true&page=3');
    expect(incidentQuery(p)).toEqual({ kind: 'conflict', state: 'waiting', mine: 'true', page: 3, pageSize: 25 });
    expect(parseIncidentParams(new URLSearchParams('kind=flood&state=burning&mine=true'), true)).toEqual({
      kind: '',
      state: 'open',
      mine: false,
      page: 1,
      pageSize: 25,
    });
  });
  it('keeps "all statuses" apart from the default "active" and maps "ending soon" to the API', () => {
    const all = parseTenancyParams(new URLSearchParams('status=&endingWithin=6&q=Linden'));
    expect(all).toMatchObject({ status: '', endingWithin: 6, q: 'Linden' });
    expect(tenancySearchParams(all).get('status')).toBe('');
    expect(tenancyQuery(all)).toEqual({
      q: 'Linden',
      status: undefined,
      providerId: undefined,
      guaranteeEndsWithinMonths: 6,
      page: 1,
      pageSize: 25,
    });
    expect(parseTenancyParams(new URLSearchParams('')).status).toBe('active');
  });
});

describe('step form bodies', () => {
  const fields: FieldSpec[] = [
    { name: 'amountCents', type: 'money', label: 'Betrag' },
    { name: 'months', type: 'months', label: 'Monate' },
    { name: 'paidOn', type: 'date', label: 'am', optional: true },
    { name: 'guaranteeContinues', type: 'yesno', label: 'Garantie' },
    { name: 'intervalMonths', type: 'select', label: 'Zahlweise', numeric: true },
    { name: 'reached', type: 'checkbox', label: 'erreicht' },
  ];
  it('turns euros into integer cents, sorts months, sends booleans and numbers', () => {
    const v = {
      ...initialValues(fields),
      amountCents: '1.234,56',
      months: ['2026-11', '2026-10', '', '2026-11'],
      guaranteeContinues: 'no',
      intervalMonths: '3',
      reached: true,
    };
    expect(buildBody(fields, v, 'x')).toEqual({
      body: { amountCents: 123_456, months: ['2026-10', '2026-11'], guaranteeContinues: false, intervalMonths: 3, reached: true },
      issues: [],
    });
  });
  it('reports unreadable amounts and empty required fields at their field', () => {
    const { issues } = buildBody(fields, { ...initialValues(fields), amountCents: '12,345' }, 'Bitte einen Betrag in Euro angeben');
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['amountCents', 'custom'],
      ['months', 'too_small'],
      ['guaranteeContinues', 'too_small'],
      ['intervalMonths', 'too_small'],
    ]);
    expect(issues[0]!.message).toBe('Bitte einen Betrag in Euro angeben');
  });
});

describe('limit_exceeded keeps the server’s figures', () => {
  it('shows the message with the amounts instead of the generic "too big"', () => {
    const err = new ApiError(422, {
      type: 'about:blank',
      title: 't',
      status: 422,
      code: 'limit_exceeded',
      errors: [{ field: 'amountCents', code: 'too_big', message: 'höchstens 1.234,56 €' }],
    });
    expect(serverIssues(err)).toEqual([{ field: 'amountCents', code: 'limit', message: 'höchstens 1.234,56 €' }]);
    const other = new ApiError(400, {
      type: 'about:blank',
      title: 't',
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'x', code: 'too_big', message: 'm' }],
    });
    expect(serverIssues(other)[0]!.code).toBe('too_big');
  });
});

describe('the incident path', () => {
  it('marks stages done, now and next for a rent default waiting for the company', () => {
    const s = stageStatuses('rent_default', 'awaiting_decision', ['report', 'forward', 'recordReasons', 'informProvider']);
    expect(s.map((x) => `${x.stage.key}:${x.status}`)).toEqual([
      'report:done',
      'forward:done',
      'recordReasons:done',
      'informProvider:done',
      'decide:current',
      'payout:next',
      'confirmAssignment:next',
    ]);
    expect(s.find((x) => x.status === 'current')!.stage.actor).toBe('provider');
  });
  it('keeps what a closed incident completed and skips the rest', () => {
    const s = stageStatuses('conflict', 'terminated', ['report', 'forward', 'recordContact', 'terminate']);
    expect(s.map((x) => x.status)).toEqual(['done', 'done', 'skipped', 'skipped']);
    expect(stageStatuses('conflict', 'secured', []).every((x) => x.status === 'done')).toBe(true);
  });
});

describe('sustainment settings form', () => {
  const t = ((k: string) => k) as unknown as import('i18next').TFunction;
  it('reads day counts and the reminder list, newest reminder last', async () => {
    const { sustainmentForm, sustainmentSettings } = await import('./settingsForm');
    const f = sustainmentForm({
      forwardWorkingDays: 1,
      clarifyWorkingDays: 5,
      informProviderWorkingDays: 2,
      payoutWorkingDays: 2,
      assignmentWorkingDays: 10,
      conflictContactWorkingDays: 2,
      guaranteeReminderMonths: [6, 1],
    });
    expect(f.guaranteeReminderMonths).toBe('6, 1');
    const r = sustainmentSettings({ ...f, clarifyWorkingDays: '7', guaranteeReminderMonths: '1; 3 6' }, t);
    expect(r.issues).toEqual([]);
    expect(r.settings).toMatchObject({ clarifyWorkingDays: 7, guaranteeReminderMonths: [6, 3, 1] });
    expect(sustainmentSettings({ ...f, guaranteeReminderMonths: '6, dreißig' }, t).issues[0]!.field).toBe(
      'settings.sustainment.guaranteeReminderMonths',
    );
    expect(Number.isNaN(sustainmentSettings({ ...f, payoutWorkingDays: 'x' }, t).settings.payoutWorkingDays)).toBe(true);
  });
});
