import { describe, expect, it } from 'vitest';
import { helpDe } from './content/de';
import { helpEn } from './content/en';
import { HELP_TOPICS, helpTopicFor } from './content/types';

describe('help content', () => {
  it('has a section for every topic the header links to, in both languages, in the same order', () => {
    expect(helpDe.sections.map((s) => s.id)).toEqual([...HELP_TOPICS]);
    expect(helpEn.sections.map((s) => s.id)).toEqual([...HELP_TOPICS]);
  });

  it('says the same in English: the same steps, terms and glossary entries', () => {
    for (const [k, de] of helpDe.sections.entries()) {
      const en = helpEn.sections[k]!;
      expect(en.paragraphs.length, de.id).toBe(de.paragraphs.length);
      expect(en.steps?.length, de.id).toBe(de.steps?.length);
      expect(en.terms, de.id).toEqual(de.terms);
    }
    expect(helpEn.glossary.map((g) => g.id)).toEqual(helpDe.glossary.map((g) => g.id));
  });

  it('links every term of a section to an entry of the glossary, each entry once', () => {
    for (const content of [helpDe, helpEn]) {
      const ids = content.glossary.map((g) => g.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of content.sections) for (const term of s.terms ?? []) expect(ids, `${s.id} → ${term}`).toContain(term);
    }
  });

  it('points the header link at the section of the page the user is on', () => {
    expect(helpTopicFor('/', 'case_manager')).toBe('home');
    expect(helpTopicFor('/prevention/cases/abc', 'case_manager')).toBe('prevention');
    expect(helpTopicFor('/aftercare', 'carrier_worker')).toBe('aftercare');
    expect(helpTopicFor('/admin/users', 'admin')).toBe('admin');
    expect(helpTopicFor('/unknown/page', 'lead')).toBe('home');
    expect(helpTopicFor('/placement/offers/1', 'provider_user')).toBe('portal');
  });
});
