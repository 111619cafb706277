import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../i18n/format';
import { useCasePage } from './context';
import { DueText, RelativeDays } from './labels';

/**
 * The legal clock in the case header: the eviction date first and large, then cure period end,
 * hearing and defence period; the server's warnings (cure not available, ordinary termination)
 * are shown word for word.
 */
export function LegalClockPanel() {
  const { t } = useTranslation();
  const { case: c } = useCasePage();
  const legal = c.legal;
  const open = c.status !== 'closed';
  const none = t('prevention.legal.notKnown');
  return (
    <section className="legal-clock" aria-labelledby="legal-clock-title">
      <h2 id="legal-clock-title" className="visually-hidden">
        {t('prevention.legal.title')}
      </h2>
      {legal.evictionAt && (
        <div className={`eviction-banner${open ? '' : ' eviction-banner--closed'}`}>
          <span className="kern-icon kern-icon--warning" aria-hidden="true" />
          <p className="eviction-banner__text">
            <span className="eviction-banner__label">{t('prevention.legal.eviction')}</span>
            <strong className="eviction-banner__date">{formatDateTime(legal.evictionAt, 'Europe/Berlin')}</strong>
            {open && <RelativeDays value={legal.evictionAt} />}
          </p>
        </div>
      )}
      <dl className="legal-clock__grid">
        <div className="legal-clock__item">
          <dt>{t('prevention.legal.cureEnd')}</dt>
          <dd>
            {!legal.cureAvailable ? (
              <strong className="prevention-overdue">{t('prevention.legal.cureUnavailable')}</strong>
            ) : legal.cureEnd ? (
              <>
                {open ? <DueText value={legal.cureEnd} /> : formatDate(legal.cureEnd)}
                {legal.cureEndUnshifted && legal.cureEndUnshifted !== legal.cureEnd && (
                  <span className="kern-body--small legal-clock__note">
                    {t('prevention.legal.shifted', { date: formatDate(legal.cureEndUnshifted) })}
                  </span>
                )}
              </>
            ) : (
              <span>{t('prevention.legal.cureNoService')}</span>
            )}
            {legal.cureUnavailableReason && !legal.warnings.includes(legal.cureUnavailableReason) && (
              <span className="kern-body--small legal-clock__note">{legal.cureUnavailableReason}</span>
            )}
          </dd>
        </div>
        <div className="legal-clock__item">
          <dt>{t('prevention.legal.hearing')}</dt>
          <dd>
            {legal.hearingAt ? (
              open ? (
                <DueText value={legal.hearingAt} withTime />
              ) : (
                formatDateTime(legal.hearingAt, 'Europe/Berlin')
              )
            ) : (
              none
            )}
          </dd>
        </div>
        <div className="legal-clock__item">
          <dt>{t('prevention.legal.defenceEnd')}</dt>
          <dd>{legal.defenceEnd ? open ? <DueText value={legal.defenceEnd} /> : formatDate(legal.defenceEnd) : none}</dd>
        </div>
        <div className="legal-clock__item">
          <dt>{t('prevention.legal.ordinaryTermination')}</dt>
          <dd>{legal.ordinaryTermination ? t('common.yes') : t('common.no')}</dd>
        </div>
      </dl>
      {legal.warnings.length > 0 && (
        <div className="kern-alert kern-alert--warning app-alert" role="note">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">{t('prevention.legal.warnings')}</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {legal.warnings.map((w) => (
                <li key={w} className="kern-body">
                  {w}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
