import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import type { Household } from '../households/queries';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { can, PERM } from '../permissions';
import { ConsentForm } from './ConsentForm';
import { canPickRecipient, consentStatus, headName, STATUS_BADGE, type Consent } from './consentModel';
import { berlinToday } from './numbers';
import { useConsents } from './queries';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import './placementAdmin.css';

/** Consents of a household to pass minimal data to a housing company (§ 67b SGB X): list, record, withdraw. */
export function ConsentSection({ household }: { household: Household }) {
  const me = useMe();
  if (!can(me, PERM.consentList)) return null;
  return <ConsentSectionBody household={household} canCreate={can(me, PERM.consentCreate)} canWithdraw={can(me, PERM.consentWithdraw)} canPick={canPickRecipient(me.permissions)} />;
}

function ConsentSectionBody({ household, canCreate, canWithdraw, canPick }: { household: Household; canCreate: boolean; canWithdraw: boolean; canPick: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents(household.id);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const today = berlinToday();
  const none = t('common.none');

  const closeForm = () => {
    setRecording(false);
    window.requestAnimationFrame(() => recordButton.current?.focus());
  };

  return (
    <Section
      id="consents"
      title={t('placementAdmin.consent.title')}
      actions={
        canCreate && canPick && !recording ? (
          <button
            type="button"
            ref={recordButton}
            className="kern-btn kern-btn--secondary"
            onClick={() => {
              setNotice(null);
              setRecording(true);
            }}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('placementAdmin.consent.record')}</span>
          </button>
        ) : null
      }
    >
      <p className="kern-body consent-purpose">
        <span className="kern-body--bold">{t('placementAdmin.consent.purposeLabel')}:</span> {t('placementAdmin.consent.purpose')}
      </p>
      {canCreate && !canPick && (
        <Alert variant="info">
          <p className="kern-body">{t('placementAdmin.consent.providersUnavailable')}</p>
        </Alert>
      )}
      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <ErrorAlert message={errorMessage(consents.error, t)} />
      ) : (
        <DataTable<Consent>
          caption={t('placementAdmin.consent.caption')}
          captionHidden
          rows={consents.data}
          rowKey={(c) => c.id}
          empty={t('placementAdmin.consent.empty')}
          columns={[
            { key: 'recipient', header: t('placementAdmin.consent.recipient'), rowHeader: true, cell: (c) => c.recipient.name },
            { key: 'givenBy', header: t('placementAdmin.consent.givenBy'), cell: (c) => c.givenBy },
            { key: 'givenOn', header: t('placementAdmin.consent.givenOn'), cell: (c) => formatDate(c.givenOn) },
            {
              key: 'form',
              header: t('placementAdmin.consent.form'),
              cell: (c) => (
                <>
                  {t(`placementAdmin.consent.forms.${c.form}`)}
                  {c.minute && (
                    <details className="consent-minute">
                      <summary className="kern-link">{t('placementAdmin.consent.showMinute')}</summary>
                      <p className="kern-body kern-body--small preline">{c.minute}</p>
                    </details>
                  )}
                </>
              ),
            },
            { key: 'text', header: t('placementAdmin.consent.textVersion'), cell: (c) => c.textVersion },
            { key: 'until', header: t('placementAdmin.consent.validUntil'), cell: (c) => (c.validUntil ? formatDate(c.validUntil) : t('placementAdmin.consent.unlimited')) },
            { key: 'recorded', header: t('placementAdmin.consent.recordedBy'), cell: (c) => `${c.recordedBy?.displayName ?? none}, ${formatDate(c.recordedAt)}` },
            {
              key: 'status',
              header: t('placementAdmin.consent.status'),
              cell: (c) => {
                const status = consentStatus(c, today);
                return (
                  <div className="consent-status">
                    <span className={`kern-badge ${STATUS_BADGE[status]}`}>
                      <span className="kern-label">{t(`placementAdmin.consent.statuses.${status}`)}</span>
                    </span>
                    {c.withdrawnAt && <small className="kern-body kern-body--small">{t('placementAdmin.consent.withdrawnOn', { date: formatDate(c.withdrawnAt) })}</small>}
                    {c.withdrawalNote && <small className="kern-body kern-body--small preline">{c.withdrawalNote}</small>}
                  </div>
                );
              },
            },
            ...(canWithdraw
              ? [
                  {
                    key: 'actions',
                    header: t('common.actions'),
                    cell: (c: Consent) =>
                      c.withdrawnAt ? (
                        none
                      ) : (
                        <button type="button" className="kern-btn kern-btn--tertiary" aria-label={t('placementAdmin.consent.withdrawLabel', { recipient: c.recipient.name })} onClick={() => setWithdrawing(c)}>
                          <span className="kern-label">{t('placementAdmin.consent.withdraw')}</span>
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {recording && (
        <ConsentForm
          householdId={household.id}
          defaultGivenBy={headName(household.members)}
          onCancel={closeForm}
          onCreated={() => {
            setNotice(t('placementAdmin.consent.created'));
            closeForm();
          }}
        />
      )}
      <WithdrawConsentDialog
        householdId={household.id}
        consent={withdrawing}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={() => {
          setWithdrawing(null);
          setNotice(t('placementAdmin.consent.withdrawn'));
        }}
      />
    </Section>
  );
}
