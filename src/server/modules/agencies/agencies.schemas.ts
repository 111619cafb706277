/** Request and response bodies of the agency routes; they live in src/contracts/admin.ts, shared with the UI. */
export { ZAgency, ZAgencySettings, ZAgencySettingsUpdate } from '../../../contracts/admin.js';
export const agencyTags = ['Behörde'];
