import { aftercareEn } from './en/aftercare';
import { accommodationEn } from './en/accommodation';
import { accommodationInspectionsEn } from './en/accommodationInspections';
import { accommodationBillingEn } from './en/accommodationBilling';
import { accommodationOccupancyEn } from './en/accommodationOccupancy';
import { accommodationPortalEn } from './en/accommodationPortal';
import { accommodationStatisticsEn } from './en/accommodationStatistics';
import { exportsEn } from './en/exports';
import { searchEn } from './en/search';
import { placementEn } from './en/placement';
import { placementAdminEn } from './en/placementAdmin';
import { documentsEn } from './en/documents';
import { preventionImportEn } from './en/preventionImport';
import { notify } from './en/notify';
import { deskEn } from './en/desk';
import { steeringEn } from './en/steering';
import { steeringCityEn } from './en/steeringCity';
import { steeringReportsEn } from './en/steeringReports';
import { privacyEn } from './en/privacy';
import { sustainmentEn } from './en/sustainment';
import { preventionEn } from './en/prevention';
import { householdProgrammesEn } from './en/householdProgrammes';
import { householdAddressesEn } from './en/householdAddresses';
import { storedTextsEn } from './en/storedTexts';
import { retentionEn } from './en/retention';

/** The texts of the module areas: loaded after login (namespace `modules`), so the login page stays small. */
export const enModules = {
  ...aftercareEn,
  ...accommodationEn,
  ...accommodationInspectionsEn,
  ...accommodationBillingEn,
  ...accommodationOccupancyEn,
  ...accommodationPortalEn,
  ...accommodationStatisticsEn,
  ...notify,
  ...deskEn,
  ...steeringEn,
  ...steeringCityEn,
  ...steeringReportsEn,
  ...privacyEn,
  ...searchEn,
  ...exportsEn,
  ...householdProgrammesEn,
  ...householdAddressesEn,
  ...storedTextsEn,
  ...retentionEn,
  ...placementAdminEn,
  ...placementEn,
  ...documentsEn,
  ...sustainmentEn,
  ...preventionImportEn,
  ...preventionEn,
};
