/** Request and response bodies of the aftercare routes; they live in src/contracts/aftercare.ts and aftercareReports.ts, shared with the UI. */
export * from '../../../contracts/aftercare.js';
export * from '../../../contracts/aftercareReports.js';
export const tags = ['Nachsorge'];
