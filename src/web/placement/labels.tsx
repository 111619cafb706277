import { useTranslation } from 'react-i18next';
import type { TCandidateState, TOfferState } from '../../contracts/placement';
import { formatDate } from '../i18n/format';

const OFFER_BADGE: Record<TOfferState, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'info',
  submitted: 'warning',
  declined: 'danger',
  shortlisting: 'info',
  round_table: 'info',
  allocated: 'success',
  let: 'success',
  withdrawn: 'danger',
};
const CANDIDATE_BADGE: Record<TCandidateState, 'info' | 'success' | 'warning' | 'danger'> = {
  shortlisted: 'info',
  presented: 'info',
  viewing_scheduled: 'info',
  viewed: 'warning',
  accepted: 'success',
  refused: 'warning',
  vetoed: 'danger',
  allocated: 'success',
  not_selected: 'danger',
  withdrawn: 'danger',
};

function Badge({ variant, children }: { variant: string; children: string }) {
  return (
    <span className={`kern-badge kern-badge--${variant} kern-badge--small`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

export function OfferStatus({ status }: { status: TOfferState }) {
  const { t } = useTranslation();
  return <Badge variant={OFFER_BADGE[status]}>{t(`placement.state.${status}`)}</Badge>;
}

export function CandidateStatus({ status }: { status: TCandidateState }) {
  const { t } = useTranslation();
  return <Badge variant={CANDIDATE_BADGE[status]}>{t(`placement.candidateState.${status}`)}</Badge>;
}

/** "Erdgeschoss", "2. Obergeschoss", "Untergeschoss". */
export function useFloorLabel() {
  const { t } = useTranslation();
  return (floor: number) =>
    floor < 0 ? t('placement.floor.basement') : floor === 0 ? t('placement.floor.ground') : t('placement.floor.upper', { n: floor });
}

/** A deadline with "überfällig" in words (not only colour). */
/** A deadline's kind as a short label in the UI language; a kind without one shows the stored title. */
export function useDeadlineLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string, title: string): string => {
    const key = `deadlineKinds.${kind}`;
    return i18n.exists(key) ? t(key as 'deadlineKinds.contracts') : title;
  };
}

export function DeadlineText({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation();
  const date = formatDate(dueAt, 'Europe/Berlin');
  return overdue ? (
    <strong className="placement-overdue">
      <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" /> {t('placement.overview.overdue', { date })}
    </strong>
  ) : (
    <span>{t('placement.overview.dueAt', { date })}</span>
  );
}
