import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { attachmentUrl, useOutboxMail } from '../notify/queries';
import { CaptureHint } from './OutboxPage';

const fileSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(bytes / 1024)} kB`;

/** One e-mail of the outbox: its data, text body and attachments to download. */
export function OutboxMailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mail = useOutboxMail(id);
  const none = t('common.none');
  const back = (
    <p className="kern-body">
      <Link className="kern-link" to="/admin/outbox">
        {t('outbox.back')}
      </Link>
    </p>
  );

  if (mail.isPending) return <Loading />;
  if (mail.isError || !mail.data) {
    return (
      <>
        <PageHeading title={t('outbox.title')}>{t('outbox.title')}</PageHeading>
        <ErrorAlert message={errorMessage(mail.error, t)} />
        {back}
      </>
    );
  }
  const m = mail.data;
  const title = t('outbox.detailTitle', { subject: m.subject });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {back}
      {m.captureMode && <CaptureHint />}
      <Section id="outbox-details" title={t('outbox.details')}>
        <DescriptionList
          items={[
            { key: 'recipients', label: t('outbox.col.recipients'), value: m.recipients.join(', ') },
            { key: 'status', label: t('outbox.col.status'), value: t(`outbox.status.${m.status}`) },
            { key: 'kind', label: t('outbox.col.kind'), value: <code>{m.kind}</code> },
            { key: 'created', label: t('outbox.col.created'), value: formatDateTime(m.createdAt) },
            { key: 'sent', label: t('outbox.col.sent'), value: m.status === 'sent' && m.sentAt ? formatDateTime(m.sentAt) : none },
            { key: 'attempts', label: t('outbox.col.attempts'), value: String(m.attempts) },
            ...(m.nextAttemptAt ? [{ key: 'next', label: t('outbox.nextAttempt'), value: formatDateTime(m.nextAttemptAt) }] : []),
            { key: 'error', label: t('outbox.col.error'), value: m.lastError ?? none },
            { key: 'messageId', label: t('outbox.messageId'), value: m.messageId ?? none },
          ]}
        />
      </Section>
      <Section id="outbox-text" title={t('outbox.text')}>
        <pre className="outbox-text kern-body">{m.text}</pre>
      </Section>
      <Section id="outbox-attachments" title={t('outbox.attachments')}>
        {m.attachments.length === 0 ? (
          <p className="kern-body">{t('outbox.noAttachments')}</p>
        ) : (
          <ul className="outbox-attachments">
            {m.attachments.map((a) => (
              <li key={a.index} className="kern-body">
                <a className="kern-link" href={attachmentUrl(m.id, a.index)} download={a.filename}>
                  {t('outbox.download', { filename: a.filename, size: fileSize(a.sizeBytes) })}
                </a>
                {a.calendarMethod && <> – {t('outbox.invitation', { method: a.calendarMethod })}</>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
