import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useActionLabel, useOutcomeLabel, useRoleLabel } from '../lib/labels';
import { useAccessLog, type AccessLogEntry } from './queries';

/** "Wer hat zugegriffen" – the household's own view of the audit trail. */
export function AccessLogSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const log = useAccessLog(householdId);
  const roleLabel = useRoleLabel();
  const outcomeLabel = useOutcomeLabel();
  const actionLabel = useActionLabel();

  return (
    <Section id="access-log" title={t('accessLog.title')}>
      <p className="kern-body kern-body--muted">{t('accessLog.subtitle')}</p>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorAlert message={errorMessage(log.error, t)} />
      ) : (
        <DataTable<AccessLogEntry>
          caption={t('accessLog.caption')}
          captionHidden
          rows={log.data}
          rowKey={(e, i) => `${i}-${e.occurredAt}`}
          empty={t('common.noEntries')}
          columns={[
            { key: 'time', header: t('accessLog.time'), cell: (e) => formatDateTime(e.occurredAt) },
            { key: 'actor', header: t('accessLog.actor'), cell: (e) => e.actor },
            { key: 'role', header: t('accessLog.role'), cell: (e) => roleLabel(e.role) },
            { key: 'action', header: t('accessLog.action'), cell: (e) => actionLabel(e.action) },
            { key: 'purpose', header: t('accessLog.purpose'), cell: (e) => e.purpose ?? t('common.none') },
            { key: 'outcome', header: t('accessLog.outcome'), cell: (e) => outcomeLabel(e.outcome) },
          ]}
        />
      )}
    </Section>
  );
}
