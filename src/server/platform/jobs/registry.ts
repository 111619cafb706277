import { householdLogPrune } from '../../modules/households/pool.service.js';
import { auditCheckpoint, auditSeal } from '../audit/seal.job.js';
import { deadlineRun } from '../deadlines/deadlines.job.js';
import { mailDelivery } from '../mail/mail.job.js';
import type { JobDefinition } from './job.js';

/** Every background job of the app: installed with the migrations, run where workers are enabled. */
export const ALL_JOBS: readonly JobDefinition[] = [
  mailDelivery,
  deadlineRun,
  auditSeal,
  auditCheckpoint,
  householdLogPrune,
] as readonly JobDefinition[];
