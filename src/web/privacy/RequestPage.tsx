import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { useFlash } from '../sustainment/flash';
import { RequestStateBadge } from './labels';
import { RequestActions } from './RequestActions';
import { usePrivacyRequest, type PrivacyRequest } from './queries';
import '../sustainment/sustainment.css';

/** The steps of the request as a list: each done step with its date, the open ones marked. */
function Steps({ r }: { r: PrivacyRequest }) {
  const { t } = useTranslation();
  const items = [
    t('privacy.request.stepReceived', { date: formatDate(r.receivedOn), channel: t(`privacy.channel.${r.channel}`), by: r.requestedBy }),
    t('privacy.request.stepDue', { date: formatDate(r.dueOn) }),
    r.state === 'refused'
      ? t('privacy.request.stepRefused', { reason: r.refusalReason ?? '' })
      : r.producedAt
        ? t('privacy.request.stepProduced', { at: formatDateTime(r.producedAt), by: r.producedBy ?? '' })
        : `${t('privacy.action.produce')}: ${t('privacy.request.pending')}`,
    ...(r.state === 'refused'
      ? []
      : [
          r.handedOverOn
            ? t('privacy.request.stepHandedOver', {
                date: formatDate(r.handedOverOn),
                channel: t(`privacy.channel.${r.handoverChannel ?? 'other'}`),
              })
            : `${t('privacy.action.handOver')}: ${t('privacy.request.pending')}`,
        ]),
  ];
  return (
    <ol className="kern-list">
      {items.map((text) => (
        <li key={text} className="kern-body">
          {text}
        </li>
      ))}
    </ol>
  );
}

/** /privacy/requests/:id – one access request: its steps, the next actions, the produced export's contents and downloads. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const query = usePrivacyRequest(id);
  const flash = useFlash();
  const [notice, setNotice] = useState<string | null>(flash ? t(`privacy.done.${flash as 'created'}`) : null);
  const r = query.data;
  if (query.isPending) return <Loading />;
  if (query.isError || !r) {
    return (
      <>
        <PageHeading title={t('privacy.request.notFound')}>{t('privacy.request.notFound')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/privacy" variant="secondary">
          {t('privacy.request.toList')}
        </ButtonLink>
      </>
    );
  }
  const title = t('privacy.request.title', { reference: r.reference });
  const base = `/api/v1/privacy/requests/${r.id}`;
  const mayDownload = can(me, 'privacy.request.export') && (r.state === 'produced' || r.state === 'handed_over');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="sus-summary kern-body">
        <RequestStateBadge state={r.state} />
        <span>{r.household.reference}</span>
        <span>{r.member?.name ?? t('privacy.col.wholeHousehold')}</span>
      </p>
      <RequestActions r={r} notify={setNotice} />
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>
      <Section id="privacy-steps" title={t('privacy.request.steps')}>
        <Steps r={r} />
      </Section>
      {r.note && (
        <Section id="privacy-details" title={t('privacy.request.details')}>
          <DescriptionList items={[{ key: 'note', label: t('privacy.request.note'), value: r.note }]} />
        </Section>
      )}
      <Section id="privacy-contents" title={t('privacy.request.contents')}>
        {r.summary ? (
          <DataTable
            caption={t('privacy.request.contents')}
            captionHidden
            columns={[
              { key: 'module', header: t('privacy.dpo.module'), cell: (s) => t(`privacy.dpo.modules.${s.module as 'households'}`) },
              { key: 'table', header: t('privacy.request.table'), rowHeader: true, cell: (s) => s.table },
              { key: 'count', header: t('privacy.request.records'), numeric: true, cell: (s) => s.count },
            ]}
            rows={r.summary.filter((s) => s.count > 0)}
            rowKey={(s) => s.table}
            empty={t('privacy.request.contentsEmpty')}
          />
        ) : (
          <p className="kern-body">{t('privacy.request.contentsEmpty')}</p>
        )}
        {mayDownload && (
          <div className="sus-actions">
            <a className="kern-btn kern-btn--secondary" href={`${base}/export.pdf?lang=de`} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('privacy.request.pdfDe')}</span>
            </a>
            <a className="kern-btn kern-btn--secondary" href={`${base}/export.pdf?lang=en`} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('privacy.request.pdfEn')}</span>
            </a>
            <a className="kern-btn kern-btn--tertiary" href={`${base}/export.json`} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('privacy.request.json')}</span>
            </a>
          </div>
        )}
      </Section>
    </>
  );
}
