import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { consentStatus, STATUS_BADGE, type Consent } from './consentModel';

/** The household's consents as cards: one per recipient and date, newest first (server order). */
export function ConsentList({
  consents,
  today,
  canWithdraw,
  onWithdraw,
}: {
  consents: Consent[];
  today: string;
  canWithdraw: boolean;
  onWithdraw: (c: Consent) => void;
}) {
  const { t } = useTranslation();
  if (consents.length === 0) return <p className="kern-body">{t('placementAdmin.consent.empty')}</p>;
  return (
    <ul className="consent-list" aria-label={t('placementAdmin.consent.caption')}>
      {consents.map((c) => (
        <ConsentCard key={c.id} consent={c} today={today} canWithdraw={canWithdraw} onWithdraw={onWithdraw} />
      ))}
    </ul>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`consent-fact${wide ? ' consent-fact--wide' : ''}`}>
      <dt className="kern-body kern-body--small kern-body--muted">{label}</dt>
      <dd className="kern-body">{children}</dd>
    </div>
  );
}

function ConsentCard({
  consent: c,
  today,
  canWithdraw,
  onWithdraw,
}: {
  consent: Consent;
  today: string;
  canWithdraw: boolean;
  onWithdraw: (c: Consent) => void;
}) {
  const { t } = useTranslation();
  const status = consentStatus(c, today);
  const headingId = `consent-${c.id}`;
  return (
    <li className="consent-card">
      <div className="consent-card__header">
        <h3 id={headingId} className="kern-body kern-body--bold consent-card__title">
          {c.recipient.name}
        </h3>
        <span className={`kern-badge ${STATUS_BADGE[status]}`}>
          <span className="kern-label">{t(`placementAdmin.consent.statuses.${status}`)}</span>
        </span>
        {canWithdraw && !c.withdrawnAt && (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary consent-card__action"
            aria-label={t('placementAdmin.consent.withdrawLabel', { recipient: c.recipient.name })}
            onClick={() => onWithdraw(c)}
          >
            <span className="kern-label">{t('placementAdmin.consent.withdraw')}</span>
          </button>
        )}
      </div>
      <dl className="consent-facts">
        <Fact label={t('placementAdmin.consent.givenBy')}>{c.givenBy}</Fact>
        <Fact label={t('placementAdmin.consent.givenOn')}>{formatDate(c.givenOn)}</Fact>
        <Fact label={t('placementAdmin.consent.form')}>{t(`placementAdmin.consent.forms.${c.form}`)}</Fact>
        <Fact label={t('placementAdmin.consent.validUntil')}>
          {c.validUntil ? formatDate(c.validUntil) : t('placementAdmin.consent.unlimited')}
        </Fact>
        <Fact label={t('placementAdmin.consent.textVersion')}>{c.textVersion}</Fact>
        <Fact label={t('placementAdmin.consent.recordedBy')}>
          {c.recordedBy?.displayName ?? t('common.none')}, {formatDate(c.recordedAt)}
        </Fact>
        {c.minute && (
          <Fact label={t('placementAdmin.consent.minute')} wide>
            <span className="preline">{c.minute}</span>
          </Fact>
        )}
        {c.withdrawnAt && (
          <Fact label={t('placementAdmin.consent.withdrawal')} wide>
            {t('placementAdmin.consent.withdrawnOn', { date: formatDate(c.withdrawnAt) })}
            {c.withdrawalNote && <span className="preline">: {c.withdrawalNote}</span>}
          </Fact>
        )}
      </dl>
    </li>
  );
}
