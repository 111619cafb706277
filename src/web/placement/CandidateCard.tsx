import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { formatDate } from '../i18n/format';
import { useOfferPage } from './context';
import { StepError } from '../components/StepFeedback';
import { CandidateStatus } from './labels';
import { formatNumber } from '../lib/numbers';
import type { Candidate, Viewing } from './queries';
import { ViewingList } from './ViewingList';

export type CandidateDialog =
  | { kind: 'scheduleViewing' | 'accept' | 'refuse' | 'talk' | 'withdraw' | 'allocate'; candidate: Candidate }
  | { kind: 'updateViewing' | 'cancelViewing' | 'recordViewing'; candidate: Candidate; viewing: Viewing };

/** One shortlisted household: status, comment, consent, viewings and the steps allowed now. */
export function CandidateCard({ candidate: c, onDialog }: { candidate: Candidate; onDialog: (d: CandidateDialog) => void }) {
  const { t, i18n } = useTranslation();
  const { refresh, notify } = useOfferPage();
  const present = useMutation({
    mutationFn: () => ok(api.POST('/candidates/{id}/present', { params: { path: { id: c.id } }, body: {} })),
    onSuccess: async () => {
      await refresh();
      notify(t('placement.shortlist.presented', { pseudonym: c.pseudonym }));
    },
  });
  const has = (a: string) => c.actions.includes(a);
  const planned = c.viewings.find((v) => v.status === 'scheduled');
  const none = t('common.none');
  const headingId = `candidate-${c.id}`;
  const consentForm = (f: string) => (i18n.exists(`placement.consentForm.${f}`) ? t(`placement.consentForm.${f as 'written'}`) : f);

  return (
    <article className="candidate kern-card" aria-labelledby={headingId}>
      <header className="candidate__header">
        <h3 id={headingId} className="kern-heading-small">
          {t('placement.shortlist.candidate', { pseudonym: c.pseudonym, name: c.household.name, reference: c.household.reference })}
        </h3>
        <CandidateStatus status={c.status} />
      </header>
      <DescriptionList
        items={[
          { key: 'persons', label: t('placement.shortlist.persons'), value: c.household.persons },
          {
            key: 'rank',
            label: t('placement.shortlist.rank'),
            value: c.rank !== null ? t('placement.shortlist.rankValue', { rank: c.rank, score: formatNumber(c.score ?? 0, 1) }) : none,
          },
          { key: 'comment', label: t('placement.shortlist.comment'), value: <span className="preline">{c.comment}</span> },
          { key: 'by', label: t('placement.shortlist.pickedBy'), value: c.pickedBy?.displayName ?? none },
          { key: 'moveIn', label: t('placement.shortlist.moveInFrom'), value: formatDate(c.moveInFrom) || none },
          {
            key: 'consent',
            label: t('placement.shortlist.consent'),
            value: c.consent ? (
              <span className="consent-ok">
                <span className="kern-icon kern-icon--success kern-icon--small" aria-hidden="true" />{' '}
                {t('placement.shortlist.consentOk', { form: consentForm(c.consent.form), date: formatDate(c.consent.givenOn) })}
              </span>
            ) : (
              <span className="consent-missing">
                <strong>{t('placement.shortlist.consentMissing')}</strong> –{' '}
                <Link className="kern-link" to={`/households/${c.household.id}`}>
                  {t('placement.shortlist.consentLink')}
                </Link>
              </span>
            ),
          },
          ...(c.decisionDueAt && (c.status === 'viewed' || c.status === 'refused')
            ? [{ key: 'due', label: t('placement.shortlist.decisionDue'), value: formatDate(c.decisionDueAt, 'Europe/Berlin') }]
            : []),
          ...(c.refusalReason
            ? [
                {
                  key: 'refusal',
                  label: c.status === 'refused' ? t('placement.shortlist.refusal') : t('placement.shortlist.earlierRefusal'),
                  value: `${t(`placement.refusal.${c.refusalReason}`)}${c.refusalText ? ` – ${c.refusalText}` : ''}`,
                },
              ]
            : []),
          ...(c.vetoReason ? [{ key: 'veto', label: t('placement.shortlist.veto'), value: c.vetoReason }] : []),
        ]}
      />
      <ViewingList viewings={c.viewings} />
      <p className="kern-body">
        <Link className="kern-link" to={`/households/${c.household.id}`}>
          {t('placement.shortlist.household', { reference: c.household.reference })}
        </Link>
      </p>
      <StepError error={present.error} onReload={() => void refresh().then(() => present.reset())} />
      {c.actions.length > 0 && (
        <div className="candidate__actions">
          {has('present') && (
            <Button onClick={() => present.mutate()} disabled={present.isPending}>
              {t('placement.shortlist.actions.present')}
            </Button>
          )}
          {has('scheduleViewing') && (
            <Button icon="calendar-today" onClick={() => onDialog({ kind: 'scheduleViewing', candidate: c })}>
              {t('placement.shortlist.actions.scheduleViewing')}
            </Button>
          )}
          {planned && has('recordViewing') && (
            <Button onClick={() => onDialog({ kind: 'recordViewing', candidate: c, viewing: planned })}>
              {t('placement.shortlist.actions.recordViewing')}
            </Button>
          )}
          {planned && has('updateViewing') && (
            <Button variant="secondary" onClick={() => onDialog({ kind: 'updateViewing', candidate: c, viewing: planned })}>
              {t('placement.shortlist.actions.updateViewing')}
            </Button>
          )}
          {planned && has('cancelViewing') && (
            <Button variant="secondary" onClick={() => onDialog({ kind: 'cancelViewing', candidate: c, viewing: planned })}>
              {t('placement.shortlist.actions.cancelViewing')}
            </Button>
          )}
          {has('accept') && (
            <Button onClick={() => onDialog({ kind: 'accept', candidate: c })}>{t('placement.shortlist.actions.accept')}</Button>
          )}
          {has('refuse') && (
            <Button variant="secondary" onClick={() => onDialog({ kind: 'refuse', candidate: c })}>
              {t('placement.shortlist.actions.refuse')}
            </Button>
          )}
          {has('talk') && (
            <Button variant="secondary" onClick={() => onDialog({ kind: 'talk', candidate: c })}>
              {t('placement.shortlist.actions.talk')}
            </Button>
          )}
          {has('allocate') && (
            <Button icon="check" onClick={() => onDialog({ kind: 'allocate', candidate: c })}>
              {t('placement.shortlist.actions.allocate')}
            </Button>
          )}
          {has('withdraw') && (
            <Button variant="tertiary" onClick={() => onDialog({ kind: 'withdraw', candidate: c })}>
              {t('placement.shortlist.actions.withdraw')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
