import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import type { Household } from '../households/queries';
import { errorMessage } from '../i18n/errors';
import { can } from '../auth/can';
import { ConsentForm } from './ConsentForm';
import { ConsentList } from './ConsentList';
import { canPickRecipient, headName, type Consent } from './consentModel';
import { berlinToday } from '../lib/numbers';
import { useConsents } from './queries';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import './placementAdmin.css';

/** Consents of a household to pass minimal data to a housing company (§ 67b SGB X): list, record, withdraw. */
export function ConsentSection({ household }: { household: Household }) {
  const me = useMe();
  if (!can(me, 'consent.list')) return null;
  return (
    <ConsentSectionBody
      household={household}
      canCreate={can(me, 'consent.create')}
      canWithdraw={can(me, 'consent.withdraw')}
      canPick={canPickRecipient(me.permissions)}
    />
  );
}

function ConsentSectionBody({
  household,
  canCreate,
  canWithdraw,
  canPick,
}: {
  household: Household;
  canCreate: boolean;
  canWithdraw: boolean;
  canPick: boolean;
}) {
  const { t } = useTranslation();
  const consents = useConsents(household.id);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const today = berlinToday();

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
        <ConsentList consents={consents.data} today={today} canWithdraw={canWithdraw} onWithdraw={setWithdrawing} />
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
