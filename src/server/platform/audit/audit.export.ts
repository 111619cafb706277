import type { z } from 'zod';
import type { ZAuditEvent } from '../../../contracts/admin.js';
import { auditActionsDe, auditEntitiesDe } from '../../../web/i18n/de/auditActions.js';
import { auditActionsEn, auditEntitiesEn } from '../../../web/i18n/en/auditActions.js';
import { defineListExport } from '../export/columns.js';

/*
 * The audit trail as a file for the auditor / data-protection officer. Actions and record types are
 * shown with the labels of the auditor's page: the web's tables (plain data, kept complete against
 * AUDIT_KINDS by auditActions.test.ts) are used as they are instead of a second copy.
 */
const OUTCOME = {
  de: { success: 'erfolgreich', denied: 'verweigert', failure: 'fehlgeschlagen' },
  en: { success: 'success', denied: 'denied', failure: 'failure' },
};

export const auditExport = defineListExport<z.infer<typeof ZAuditEvent>>({
  list: 'audit_events',
  file: { de: 'protokoll', en: 'audit-log' },
  title: { de: 'Protokoll', en: 'Audit log' },
  columns: [
    { de: 'Nr.', en: 'No.', kind: 'number', value: (e) => e.id, width: 10 },
    { de: 'Kettenposition', en: 'Chain position', kind: 'number', value: (e) => e.seq },
    { de: 'Zeitpunkt', en: 'Time', kind: 'datetime', value: (e) => e.occurredAt, width: 18 },
    { de: 'Person', en: 'Person', value: (e) => e.actorName, width: 24 },
    { de: 'Rolle', en: 'Role', value: (e) => e.actorRole, width: 16 },
    { de: 'Aktion', en: 'Action', value: (e) => e.action, labels: { de: auditActionsDe, en: auditActionsEn }, width: 36 },
    { de: 'Aktionscode', en: 'Action code', value: (e) => e.action, width: 24 },
    { de: 'Objektart', en: 'Record type', value: (e) => e.entityType, labels: { de: auditEntitiesDe, en: auditEntitiesEn }, width: 20 },
    { de: 'Objekt-ID', en: 'Record id', value: (e) => e.entityId, width: 38 },
    { de: 'Objektname', en: 'Record name', value: (e) => e.entityName, width: 24 },
    { de: 'Zweck', en: 'Purpose', value: (e) => e.purpose },
    { de: 'Ergebnis', en: 'Outcome', value: (e) => e.outcome, labels: OUTCOME },
    { de: 'IP-Adresse', en: 'IP address', value: (e) => e.ip, width: 16 },
  ],
});
