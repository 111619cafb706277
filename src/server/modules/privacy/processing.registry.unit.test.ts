import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBJECT_CONTRIBUTIONS } from './contributions.js';
import { monthAfter } from './privacy.service.js';
import { requestActions, requestCan, REQUEST_STEPS } from './privacy.machine.js';
import { NO_OWN_PERSONAL_DATA, PROCESSING_ACTIVITIES } from './processing.registry.js';
import { processingRecordsPdf } from './processing.pdf.js';

const MODULES_DIR = path.resolve(import.meta.dirname, '..');

describe('records of processing (Art. 30) and the modules', () => {
  const registered = new Set(PROCESSING_ACTIVITIES.map((a) => a.module));

  it('has an entry for every module that contributes subject data', () => {
    expect(SUBJECT_CONTRIBUTIONS.map((c) => c.module).filter((m) => !registered.has(m))).toEqual([]);
  });

  it('has an entry for every module folder, or says why the module holds no personal data of its own', () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(8);
    expect(folders.filter((m) => !registered.has(m) && !NO_OWN_PERSONAL_DATA[m])).toEqual([]);
    // Entries name real modules (a renamed module leaves no stale entry behind).
    expect([...registered, ...Object.keys(NO_OWN_PERSONAL_DATA)].filter((m) => !folders.includes(m))).toEqual([]);
    expect(Object.keys(NO_OWN_PERSONAL_DATA).filter((m) => registered.has(m))).toEqual([]);
  });

  it('fills every field of every entry in German and English', () => {
    for (const a of PROCESSING_ACTIVITIES) {
      const texts = [
        a.name,
        a.retention,
        ...a.dataCategories,
        ...a.subjects,
        ...a.recipients,
        ...a.measures,
        ...a.purposes.flatMap((p) => [p.purpose, p.legalBasis]),
      ];
      expect(a.purposes.length, a.module).toBeGreaterThan(0);
      expect(a.dataCategories.length && a.subjects.length && a.recipients.length, a.module).toBeGreaterThan(0);
      for (const t of texts) expect(t.de.trim() && t.en.trim(), `${a.module}: ${JSON.stringify(t)}`).toBeTruthy();
    }
  });

  it('renders the records as a PDF with one section per entry', async () => {
    const pdf = await processingRecordsPdf({ agencyName: 'Testamt' }, 'de', new Date('2026-12-06T10:00:00Z'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(PROCESSING_ACTIVITIES.length + 1);
  });
});

describe('access request machine and deadline', () => {
  it('leads received → in_progress → produced → handed_over, refusal only before production', () => {
    expect(requestActions('received', 'case_manager').sort()).toEqual(['produce', 'refuse', 'start']);
    expect(requestActions('in_progress', 'lead').sort()).toEqual(['produce', 'refuse']);
    expect(requestActions('produced', 'lead')).toEqual(['handOver']);
    expect(requestActions('handed_over', 'lead')).toEqual([]);
    expect(requestActions('refused', 'lead')).toEqual([]);
    expect(requestCan('refuse', 'produced', 'lead')).toBe(false);
    for (const step of Object.keys(REQUEST_STEPS) as (keyof typeof REQUEST_STEPS)[])
      expect(requestCan(step, 'received', 'dpo')).toBe(false);
  });

  it('counts one month from receipt (Art. 12(3)), the last day of a shorter month', () => {
    expect(monthAfter('2026-12-06')).toBe('2027-01-06');
    expect(monthAfter('2027-01-31')).toBe('2027-02-28');
    expect(monthAfter('2028-01-31')).toBe('2028-02-29');
    expect(monthAfter('2026-03-31')).toBe('2026-04-30');
  });
});
