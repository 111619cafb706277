import { annualReportsOpen } from './modules/aftercare/annualReports.job.js';
import { accommodationLogPrune } from './modules/accommodation/log.job.js';
import { statisticsOpen } from './modules/accommodation/wobericht.job.js';
import { steeringSnapshots } from './modules/steering/snapshots.job.js';
import { retentionDue } from './modules/retention/retention.job.js';
import { householdLogPrune } from './modules/households/pool.service.js';
import { auditCheckpoint, auditSeal } from './platform/audit/seal.job.js';
import { deadlineRun } from './platform/deadlines/deadlines.job.js';
import { mailDelivery } from './platform/mail/mail.job.js';
import { mailDigest } from './platform/notify/digest.job.js';
import type { JobDefinition } from './platform/jobs/job.js';
import { searchTidy } from './platform/jobs/maintenance.job.js';

/** Every background job of the app: installed with the migrations, run where workers are enabled. */
export const ALL_JOBS: readonly JobDefinition[] = [
  mailDelivery,
  deadlineRun,
  auditSeal,
  auditCheckpoint,
  householdLogPrune,
  searchTidy,
  annualReportsOpen,
  mailDigest,
  retentionDue,
  statisticsOpen,
  steeringSnapshots,
  accommodationLogPrune,
] as readonly JobDefinition[];
