import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';
import { accommodationSubjectData } from '../accommodation/subject.service.js';
import { aftercareSubjectData } from '../aftercare/subject.service.js';
import { householdSubjectData } from '../households/subject.service.js';
import { placementSubjectData } from '../placement/subject.service.js';
import { preventionSubjectData } from '../prevention/subject.service.js';
import { retentionSubjectData } from '../retention/subject.service.js';
import { sustainmentSubjectData } from '../sustainment/subject.service.js';
import { privacySubjectData } from './privacy.subject.js';

/**
 * Every module's records about a data subject, in the order the export lists them. A new module
 * exports a `SubjectDataContribution` and is added here; the coverage test fails
 * until its tables are covered. The privacy module's own part comes last: its documents are found
 * through the ids of every record read before.
 */
export const SUBJECT_CONTRIBUTIONS: readonly SubjectDataContribution[] = [
  householdSubjectData,
  preventionSubjectData,
  placementSubjectData,
  sustainmentSubjectData,
  aftercareSubjectData,
  accommodationSubjectData,
  retentionSubjectData,
  privacySubjectData,
];

/**
 * Tables that refer to a household (or to a case of one) but are deliberately not part of the
 * export, each with the reason. The coverage test accepts a table only here or in a contribution.
 */
export const SUBJECT_EXCLUDED: Record<string, string> = {
  audit_events:
    'The audit trail is exported as "who read or changed the file" (the events about every exported record), not as raw rows with hashes.',
};
