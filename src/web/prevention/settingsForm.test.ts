import { describe, expect, it } from 'vitest';
import { ZPreventionSettings } from '../../contracts/admin';
import { preventionForm, preventionSettings, PREVENTION_FIELDS } from './settingsForm';

describe('prevention settings form', () => {
  it('round-trips the defaults', () => {
    const defaults = ZPreventionSettings.parse({});
    expect(preventionSettings(preventionForm(defaults))).toEqual(defaults);
  });

  it('keeps unreadable numbers as NaN so the schema flags the field', () => {
    const form = preventionForm(ZPreventionSettings.parse({}));
    form.contactSteps[1]!.dayOffset = 'zwei';
    form.walkInHours[0]!.to = '25:00';
    const result = ZPreventionSettings.safeParse(preventionSettings(form));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `settings.prevention.${i.path.join('.')}`);
    expect(paths).toEqual(expect.arrayContaining(['settings.prevention.contactSteps.1.dayOffset', 'settings.prevention.walkInHours.0.to']));
    for (const p of paths) expect(PREVENTION_FIELDS).toContain(p);
  });
});
