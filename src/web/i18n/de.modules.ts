import { aftercareDe } from './de/aftercare';
import { accommodationDe } from './de/accommodation';
import { accommodationInspectionsDe } from './de/accommodationInspections';
import { accommodationBillingDe } from './de/accommodationBilling';
import { accommodationOccupancyDe } from './de/accommodationOccupancy';
import { accommodationPortalDe } from './de/accommodationPortal';
import { accommodationStatisticsDe } from './de/accommodationStatistics';
import { exportsDe } from './de/exports';
import { searchDe } from './de/search';
import { placementAdminDe } from './de/placementAdmin';
import { placementDe } from './de/placement';
import { documentsDe } from './de/documents';
import { preventionImportDe } from './de/preventionImport';
import { notify } from './de/notify';
import { deskDe } from './de/desk';
import { steeringDe } from './de/steering';
import { steeringCityDe } from './de/steeringCity';
import { steeringReportsDe } from './de/steeringReports';
import { privacyDe } from './de/privacy';
import { sustainmentDe } from './de/sustainment';
import { preventionDe } from './de/prevention';
import { householdProgrammesDe } from './de/householdProgrammes';
import { householdAddressesDe } from './de/householdAddresses';
import { storedTextsDe } from './de/storedTexts';
import { retentionDe } from './de/retention';

/** The texts of the module areas: loaded after login (namespace `modules`), so the login page stays small. */
export const deModules = {
  ...aftercareDe,
  ...accommodationDe,
  ...accommodationInspectionsDe,
  ...accommodationBillingDe,
  ...accommodationOccupancyDe,
  ...accommodationPortalDe,
  ...accommodationStatisticsDe,
  ...notify,
  ...deskDe,
  ...steeringDe,
  ...steeringCityDe,
  ...steeringReportsDe,
  ...privacyDe,
  ...searchDe,
  ...exportsDe,
  ...householdProgrammesDe,
  ...householdAddressesDe,
  ...storedTextsDe,
  ...retentionDe,
  ...placementAdminDe,
  ...placementDe,
  ...documentsDe,
  ...sustainmentDe,
  ...preventionImportDe,
  ...preventionDe,
};
