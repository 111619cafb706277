import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { can } from '../auth/can';
import { ConditionsFormSection } from './ConditionsFormSection';
import { ConditionsVersion } from './ConditionsVersion';
import { berlinToday } from '../lib/numbers';
import { useConditions } from './queries';
import './placementAdmin.css';

/** /admin/programme-conditions: the versions of the WohnenPlus rules, and (admins) a new version. */
export function ConditionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const conditions = useConditions();
  const canUpdate = can(me, 'conditions.update');
  const [creating, setCreating] = useState(false);
  const [createdFrom, setCreatedFrom] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const today = berlinToday();
  const title = t('placementAdmin.conditions.title');

  const close = () => {
    setCreating(false);
    window.requestAnimationFrame(() => openButton.current?.focus());
  };

  return (
    <>
      <PageHeading
        title={title}
        actions={
          canUpdate && !creating ? (
            <button
              type="button"
              ref={openButton}
              className="kern-btn kern-btn--primary"
              onClick={() => {
                setCreatedFrom(null);
                setCreating(true);
              }}
            >
              <span className="kern-icon kern-icon--add" aria-hidden="true" />
              <span className="kern-label">{t('placementAdmin.conditions.newVersion')}</span>
            </button>
          ) : null
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('placementAdmin.conditions.intro')}</p>
      {!canUpdate && <p className="kern-body kern-body--muted page-intro">{t('placementAdmin.conditions.readOnlyHint')}</p>}
      {createdFrom && (
        <Alert variant="success">
          <p className="kern-body">{t('placementAdmin.conditions.created', { date: formatDate(createdFrom) })}</p>
        </Alert>
      )}

      {conditions.isPending ? (
        <Loading />
      ) : conditions.isError ? (
        <ErrorAlert message={errorMessage(conditions.error, t)} />
      ) : (
        <>
          {creating && (
            <ConditionsFormSection
              base={conditions.data.find((c) => c.current) ?? conditions.data[0]}
              onCancel={close}
              onCreated={(validFrom) => {
                setCreatedFrom(validFrom);
                close();
              }}
            />
          )}
          <Section id="versions" title={t('placementAdmin.conditions.versions')}>
            {conditions.data.length === 0 ? (
              <p className="kern-body">{t('placementAdmin.conditions.noVersions')}</p>
            ) : (
              <div className="conditions-versions">
                {conditions.data.map((c) => (
                  <ConditionsVersion key={c.id} conditions={c} today={today} />
                ))}
              </div>
            )}
          </Section>
        </>
      )}
    </>
  );
}
