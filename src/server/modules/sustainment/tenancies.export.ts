import type { z } from 'zod';
import type { ZTenancyListItem } from '../../../contracts/sustainment.js';
import { defineListExport } from '../../platform/export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}/sustainment.ts); export.labels.unit.test.ts keeps them equal. */
export const TENANCY_EXPORT_LABELS = {
  status: { de: { active: 'laufend', ended: 'beendet' }, en: { active: 'active', ended: 'ended' } },
  endReason: {
    de: {
      moved_out: 'ausgezogen',
      terminated_by_provider: 'Kündigung durch das Wohnungsunternehmen',
      terminated_by_tenant: 'Kündigung durch den Haushalt',
      guarantee_ended: 'Garantie beendet, lebt selbstständig',
    },
    en: {
      moved_out: 'moved out',
      terminated_by_provider: 'terminated by the housing company',
      terminated_by_tenant: 'terminated by the household',
      guarantee_ended: 'guarantee ended, lives independently',
    },
  },
};
const L = TENANCY_EXPORT_LABELS;

/** The tenancy list (the Fachstelle's, or a housing company's own in the portal) as a file. */
export const tenancyExport = defineListExport<z.infer<typeof ZTenancyListItem>>({
  list: 'tenancies',
  file: { de: 'mietverhaeltnisse', en: 'tenancies' },
  title: { de: 'Mietverhältnisse', en: 'Tenancies' },
  columns: [
    { de: 'Aktenzeichen', en: 'File number', value: (t) => t.reference, width: 16 },
    { de: 'Status', en: 'Status', value: (t) => t.status, labels: L.status },
    { de: 'Mieter/in', en: 'Tenant', value: (t) => t.tenant, width: 28 },
    { de: 'Haushalt', en: 'Household', value: (t) => t.household?.reference ?? null, width: 16 },
    { de: 'Wohnungsunternehmen', en: 'Housing company', value: (t) => t.provider.name, width: 28 },
    { de: 'Anschrift', en: 'Address', value: (t) => t.address, width: 36 },
    { de: 'Mietbeginn', en: 'Lease start', kind: 'date', value: (t) => t.leaseStart },
    { de: 'Kaltmiete', en: 'Cold rent', kind: 'euro', value: (t) => t.coldRentCents },
    { de: 'Garantie bis', en: 'Guarantee until', kind: 'date', value: (t) => t.guaranteeEnd },
    { de: 'Garantie höchstens', en: 'Guarantee maximum', kind: 'euro', value: (t) => t.guaranteeMaxCents, width: 18 },
    { de: 'Garantie ausgezahlt', en: 'Guarantee paid out', kind: 'euro', value: (t) => t.guarantee.paidOutCents, width: 18 },
    { de: 'Offene Vorfälle', en: 'Open incidents', kind: 'number', value: (t) => t.openIncidents },
    { de: 'Nächste Frist', en: 'Next deadline', value: (t) => t.nextDeadline?.title ?? null, width: 40 },
    { de: 'Frist fällig am', en: 'Deadline due', kind: 'datetime', value: (t) => t.nextDeadline?.dueAt ?? null, width: 18 },
    { de: 'Sozialarbeit', en: 'Social worker', value: (t) => t.socialWorker?.displayName ?? null, width: 22 },
    { de: 'Beendet am', en: 'Ended on', kind: 'date', value: (t) => t.endedOn },
    { de: 'Beendigungsgrund', en: 'End reason', value: (t) => t.endReason, labels: L.endReason, width: 30 },
  ],
});
