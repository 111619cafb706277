import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ZAgencySettings, ZPlacementSettings } from '../../contracts/admin';
import { issuesFromZod } from '../lib/validation';
import { exampleVideoUrl, mergeIssues, PLACEMENT_FIELDS, placementForm, placementSettings } from './settingsForm';

const t = ((key: string) => key) as unknown as TFunction;
const defaults = ZPlacementSettings.parse({});

describe('placement settings form', () => {
  it('round-trips the settings unchanged', () => {
    const { settings, issues } = placementSettings(placementForm(defaults), t);
    expect(issues).toEqual([]);
    expect(settings).toEqual(defaults);
  });

  it('shows the guarantee maximum in euros and stores cents', () => {
    const f = placementForm({ ...defaults, guaranteeMaxCents: 1_250_050 });
    expect(f.guaranteeMax).toBe('12500,50');
    expect(placementSettings({ ...f, guaranteeMax: '15.000' }, t).settings.guaranteeMaxCents).toBe(1_500_000);
  });

  it('a bad amount gets the money message; schema errors for the same field are not repeated', () => {
    const { settings, issues } = placementSettings({ ...placementForm(defaults), guaranteeMax: 'viel', decisionWorkingDays: '0' }, t);
    const parsed = ZAgencySettings.safeParse({ totpRequiredRoles: [], sessionIdleMinutes: 30, districts: [], placement: settings });
    expect(parsed.success).toBe(false);
    const all = mergeIssues(
      issues,
      parsed.success ? [] : issuesFromZod(parsed.error).map((i) => ({ ...i, field: i.field.replace(/^/, 'settings.') })),
    );
    expect(all.filter((i) => i.field === 'settings.placement.guaranteeMaxCents')).toEqual([
      { field: 'settings.placement.guaranteeMaxCents', code: 'custom', message: 'placementAdmin.money.invalid' },
    ]);
    expect(all.map((i) => i.field)).toContain('settings.placement.decisionWorkingDays');
  });

  it('lists every field the section shows, weights included', () => {
    expect(PLACEMENT_FIELDS).toContain('settings.placement.weights.hints');
    expect(PLACEMENT_FIELDS).toContain('settings.placement.guaranteeItems');
    expect(PLACEMENT_FIELDS).toHaveLength(15);
  });

  it('fills the video placeholders for the example', () => {
    expect(exampleVideoUrl('https://v.example/{offer}/{token}?d={date}')).toBe('https://v.example/A-2026-00042/k7q2m9xw?d=2026-12-01');
  });
});
