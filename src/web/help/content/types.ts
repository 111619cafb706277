/** The help page's content in one language: a section per area of the app and a glossary of legal terms. */
export interface HelpContent {
  title: string;
  intro: string;
  contents: string;
  glossaryTitle: string;
  glossaryIntro: string;
  toTop: string;
  sections: HelpSection[];
  glossary: GlossaryEntry[];
}

export interface HelpSection {
  /** Anchor on the help page; the header's help link points to the section of the page the user is on. */
  id: HelpTopic;
  title: string;
  paragraphs: string[];
  /** The usual steps, in order. */
  steps?: string[];
  /** Glossary entries this area relies on (their ids). */
  terms?: string[];
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
}

export const HELP_TOPICS = [
  'home',
  'households',
  'deadlines',
  'prevention',
  'placement',
  'sustainment',
  'aftercare',
  'portal',
  'admin',
  'audit',
  'security',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** The help section for the page at `pathname` (the first path segment), the housing company's portal its own. */
export function helpTopicFor(pathname: string, role: string): HelpTopic {
  if (role === 'provider_user') return 'portal';
  const first = pathname.split('/')[1] ?? '';
  if (first === '') return 'home';
  return (HELP_TOPICS as readonly string[]).includes(first) ? (first as HelpTopic) : 'home';
}
