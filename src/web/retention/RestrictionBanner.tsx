import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { can } from '../auth/can';
import { Alert } from '../components/Alert';
import { formatDate } from '../i18n/format';
import { useRestriction } from './queries';

/** Shown on every page of a household's record while its processing is restricted (Art. 18 DSGVO). */
export function RestrictionBanner({ householdId }: { householdId: string }) {
  const me = useMe();
  const allowed = can(me, 'restriction.read');
  const { t } = useTranslation();
  const state = useRestriction(householdId, allowed);
  const active = state.data?.active;
  if (!allowed || !active) return null;
  return (
    <Alert variant="warning" title={t('restriction.bannerTitle')}>
      <p className="kern-body" data-testid="restriction-banner">
        {t('restriction.banner', { since: formatDate(active.restrictedAt.slice(0, 10)), reason: t(`restriction.reason.${active.reason}`) })}
      </p>
    </Alert>
  );
}
