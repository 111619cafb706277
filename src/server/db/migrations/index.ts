import type { Migration } from 'kysely';
import * as foundation from './2026-11-21T10-00_foundation.js';
import * as placement from './2026-11-21T14-00_placement.js';
import * as rankingPool from './2026-11-21T15-00_ranking_pool.js';
import * as sustainment from './2026-11-21T16-00_sustainment.js';
import * as prevention from './2026-11-21T16-10_prevention.js';
import * as preventionImport from './2026-11-21T16-20_prevention_import.js';
import * as householdFeed from './2026-11-21T18-00_household_feed.js';
import * as importSpeed from './2026-11-21T18-10_import_speed.js';
import * as rankingBasis from './2026-11-21T18-30_ranking_basis.js';
import * as auditSealBatch from './2026-11-21T19-00_audit_seal_batch.js';
import * as deferrableHouseholdLinks from './2026-11-21T20-30_deferrable_household_links.js';
import * as bulkWriteCosts from './2026-11-21T21-00_bulk_write_costs.js';
import * as householdLog from './2026-11-22T09-00_household_log.js';
import * as jobQueue from './2026-11-22T10-00_job_queue.js';
import * as loginThrottle from './2026-12-06T02-00_login_throttle.js';
import * as auditKey from './2026-12-06T02-10_audit_key.js';
import * as importPossibleMatches from './2026-12-06T02-30_import_possible_matches.js';
import * as preventionNotices from './2026-12-06T02-40_prevention_notices.js';
import * as auditChainHeads from './2026-12-06T05-00_audit_chain_heads.js';
import * as householdSearchView from './2026-12-06T05-10_household_search_view.js';
import * as aftercare from './2026-12-06T06-00_aftercare.js';
import * as searchIndexTidy from './2026-12-06T06-00_search_index_tidy.js';
import * as aftercareAnnualReports from './2026-12-07T09-00_aftercare_annual_reports.js';
import * as deskIndexes from './2026-12-07T09-00_desk_indexes.js';
import * as searchBirthDate from './2026-12-07T09-00_search_birth_date.js';
import * as aftercareQueuePaths from './2026-12-08T09-00_aftercare_queue_paths.js';
import * as householdAddresses from './2026-12-08T10-00_household_addresses.js';
import * as textKeys from './2026-12-08T10-10_text_keys.js';
import * as mailDigest from './2026-12-08T10-20_mail_digest.js';
import * as steering from './2026-12-08T11-00_steering.js';
import * as steeringBodies from './2026-12-09T10-00_steering_bodies.js';
import * as domainEvents from './2026-12-09T11-00_domain_events.js';
import * as privacyRequests from './2026-12-09T14-00_privacy_requests.js';
import * as oidc from './2026-12-09T13-00_oidc.js';
import * as retention from './2026-12-09T15-00_retention.js';
import * as accommodationPlaces from './2026-12-09T09-00_accommodation_places.js';
import * as accommodationStays from './2026-12-09T09-10_accommodation_stays.js';
import * as accommodationStatistics from './2026-12-10T13-00_accommodation_statistics.js';
import * as auditRetention from './2026-12-10T15-00_audit_retention.js';
import * as accommodationPortal from './2026-12-10T14-00_accommodation_portal.js';
import * as occupancyIndexes from './2026-12-10T12-00_occupancy_indexes.js';
import * as accommodationBilling from './2026-12-10T11-00_accommodation_billing.js';
import * as accommodationInspections from './2026-12-10T10-00_accommodation_inspections.js';
import * as accommodationLog from './2026-12-11T10-00_accommodation_log.js';
import * as steeringSnapshots from './2026-12-11T11-00_steering_snapshots.js';
import * as accommodationLogPrune from './2026-12-11T12-30_accommodation_log_prune.js';

/** All migrations, by dated name. Add new files here; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026-11-21T10-00_foundation': foundation,
  '2026-11-21T14-00_placement': placement,
  '2026-11-21T15-00_ranking_pool': rankingPool,
  '2026-11-21T16-00_sustainment': sustainment,
  '2026-11-21T16-10_prevention': prevention,
  '2026-11-21T16-20_prevention_import': preventionImport,
  '2026-11-21T18-00_household_feed': householdFeed,
  '2026-11-21T18-10_import_speed': importSpeed,
  '2026-11-21T18-30_ranking_basis': rankingBasis,
  '2026-11-21T19-00_audit_seal_batch': auditSealBatch,
  '2026-11-21T20-30_deferrable_household_links': deferrableHouseholdLinks,
  '2026-11-21T21-00_bulk_write_costs': bulkWriteCosts,
  '2026-11-22T09-00_household_log': householdLog,
  '2026-11-22T10-00_job_queue': jobQueue,
  '2026-12-06T02-00_login_throttle': loginThrottle,
  '2026-12-06T02-10_audit_key': auditKey,
  '2026-12-06T02-30_import_possible_matches': importPossibleMatches,
  '2026-12-06T02-40_prevention_notices': preventionNotices,
  '2026-12-06T05-00_audit_chain_heads': auditChainHeads,
  '2026-12-06T05-10_household_search_view': householdSearchView,
  '2026-12-06T06-00_aftercare': aftercare,
  '2026-12-06T06-00_search_index_tidy': searchIndexTidy,
  '2026-12-07T09-00_aftercare_annual_reports': aftercareAnnualReports,
  '2026-12-07T09-00_desk_indexes': deskIndexes,
  '2026-12-07T09-00_search_birth_date': searchBirthDate,
  '2026-12-08T09-00_aftercare_queue_paths': aftercareQueuePaths,
  '2026-12-08T10-00_household_addresses': householdAddresses,
  '2026-12-08T10-10_text_keys': textKeys,
  '2026-12-08T10-20_mail_digest': mailDigest,
  '2026-12-08T11-00_steering': steering,
  '2026-12-09T10-00_steering_bodies': steeringBodies,
  '2026-12-09T11-00_domain_events': domainEvents,
  '2026-12-09T14-00_privacy_requests': privacyRequests,
  '2026-12-09T13-00_oidc': oidc,
  '2026-12-09T15-00_retention': retention,
  '2026-12-09T09-00_accommodation_places': accommodationPlaces,
  '2026-12-09T09-10_accommodation_stays': accommodationStays,
  '2026-12-10T13-00_accommodation_statistics': accommodationStatistics,
  '2026-12-10T15-00_audit_retention': auditRetention,
  '2026-12-10T14-00_accommodation_portal': accommodationPortal,
  '2026-12-10T12-00_occupancy_indexes': occupancyIndexes,
  '2026-12-10T11-00_accommodation_billing': accommodationBilling,
  '2026-12-10T10-00_accommodation_inspections': accommodationInspections,
  '2026-12-11T10-00_accommodation_log': accommodationLog,
  '2026-12-11T11-00_steering_snapshots': steeringSnapshots,
  '2026-12-11T12-30_accommodation_log_prune': accommodationLogPrune,
};
