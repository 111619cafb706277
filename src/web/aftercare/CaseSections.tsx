import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { formatDate, formatDateTime, formatEuro } from '../i18n/format';
import { AftercareDialog, type AftercareStep } from './AftercareDialog';
import { useTransfers, type AftercareCase } from './queries';
import { addGoalStep, addReferralStep, followUpStep, logContactStep, reviewGoalStep, updateGoalStep, updateReferralStep } from './steps';

interface Props {
  c: AftercareCase;
  notify: (message: string) => void;
}

type Open = {
  id: string;
  action: 'addGoal' | 'updateGoal' | 'reviewGoal' | 'addReferral' | 'updateReferral' | 'logContact' | 'recordFollowUp';
  step: AftercareStep;
};

/** A section's dialog: which step is open, and the dialog for it. */
function useDialog(notify: (m: string) => void) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const dialog = open && (
    <AftercareDialog
      key={open.id}
      formId={`aftercare-${open.id}`}
      title={t(`aftercare.action.${open.action}`)}
      intro={open.action in INTROS ? t(`aftercare.intro.${open.action as keyof typeof INTROS}`) : undefined}
      step={open.step}
      submitLabel={t(`aftercare.action.${open.action}`)}
      onClose={() => setOpen(null)}
      onDone={() => {
        notify(t(`aftercare.done.${open.action}`));
        setOpen(null);
      }}
    />
  );
  return { setOpen, dialog };
}
const INTROS = { addGoal: 1, reviewGoal: 1, addReferral: 1, logContact: 1, recordFollowUp: 1 } as const;

/** The help plan: goals in the household's words with their reviews. */
export function PlanSection({ c, notify }: Props) {
  const { t } = useTranslation();
  const { setOpen, dialog } = useDialog(notify);
  const can = (a: string) => c.actions.includes(a);
  return (
    <Section
      id="aftercare-plan"
      title={t('aftercare.plan.title')}
      actions={
        can('addGoal') && (
          <Button variant="secondary" icon="add" onClick={() => setOpen({ id: 'addGoal', action: 'addGoal', step: addGoalStep(c, t) })}>
            {t('aftercare.action.addGoal')}
          </Button>
        )
      }
    >
      {c.goals.length === 0 ? (
        <p className="kern-body">{t('aftercare.plan.empty')}</p>
      ) : (
        <ol className="ac-list">
          {c.goals.map((g, i) => (
            <li key={g.id} className="ac-item">
              <div className="ac-item__head">
                <h3 className="kern-heading-small ac-item__title">{`${i + 1}. ${g.goal}`}</h3>
                <span className="kern-body">{t(`aftercare.goalState.${g.state}`)}</span>
              </div>
              {g.measures && <p className="kern-body preline">{t('aftercare.plan.measures', { text: g.measures })}</p>}
              {g.responsible && <p className="kern-body">{t('aftercare.plan.responsible', { text: g.responsible })}</p>}
              {g.reviewOn && <p className="kern-body">{t('aftercare.plan.reviewOn', { date: formatDate(g.reviewOn) })}</p>}
              {g.reviews.length > 0 && (
                <>
                  <h4 className="kern-label">{t('aftercare.plan.reviews')}</h4>
                  <ul className="plain-list">
                    {g.reviews.map((r) => (
                      <li key={r.id} className="kern-body">
                        {t('aftercare.plan.review', { date: formatDate(r.reviewedOn), progress: t(`aftercare.progress.${r.progress}`) })}
                        {r.note && <span className="cell-sub preline">{r.note}</span>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className="sus-actions">
                {can('reviewGoal') && (
                  <Button
                    variant="secondary"
                    onClick={() => setOpen({ id: `review-${g.id}`, action: 'reviewGoal', step: reviewGoalStep(g, t) })}
                  >
                    {t('aftercare.action.reviewGoal')}
                  </Button>
                )}
                {can('updateGoal') && (
                  <Button
                    variant="tertiary"
                    onClick={() => setOpen({ id: `goal-${g.id}`, action: 'updateGoal', step: updateGoalStep(g, t) })}
                  >
                    {t('aftercare.action.updateGoal')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {dialog}
    </Section>
  );
}

/** The visits, newest first. */
export function VisitsSection({ c }: { c: AftercareCase }) {
  const { t } = useTranslation();
  return (
    <Section id="aftercare-visits" title={t('aftercare.visits.title')}>
      {c.visits.length === 0 ? (
        <p className="kern-body">{t('aftercare.visits.empty')}</p>
      ) : (
        <ol className="ac-list ac-timeline">
          {c.visits.map((v) => (
            <li key={v.id} className="ac-item">
              <div className="ac-item__head">
                <h3 className="kern-heading-small ac-item__title">
                  {v.visitedOn
                    ? formatDate(v.visitedOn)
                    : v.plannedOn
                      ? t('aftercare.visits.plannedOn', { date: formatDate(v.plannedOn) })
                      : ''}
                </h3>
                <span className="kern-body">{t(`aftercare.visitStatus.${v.status}`)}</span>
              </div>
              {v.topics.length > 0 && (
                <p className="kern-body">{`${t('aftercare.visits.topics')}: ${v.topics.map((x) => t(`aftercare.topic.${x}`)).join(', ')}`}</p>
              )}
              {v.riskSigns.length > 0 && (
                <p className="kern-body sus-overdue">{`${t('aftercare.visits.risks')}: ${v.riskSigns.map((x) => t(`aftercare.risk.${x}`)).join(', ')}`}</p>
              )}
              {v.arrearsCents !== null && <p className="kern-body">{`${t('aftercare.visits.arrears')}: ${formatEuro(v.arrearsCents)}`}</p>}
              {v.householdView && <p className="kern-body preline">{`${t('aftercare.visits.householdView')}: ${v.householdView}`}</p>}
              {v.note && <p className="kern-body preline">{v.note}</p>}
              {v.preventionNotified && <p className="kern-body">{t('aftercare.visits.preventionNotified')}</p>}
              {v.documentedBy && <p className="kern-hint">{t('aftercare.visits.by', { name: v.documentedBy })}</p>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** Referrals to other help with their status. */
export function ReferralsSection({ c, notify }: Props) {
  const { t } = useTranslation();
  const { setOpen, dialog } = useDialog(notify);
  return (
    <Section
      id="aftercare-referrals"
      title={t('aftercare.referrals.title')}
      actions={
        c.actions.includes('addReferral') && (
          <Button
            variant="secondary"
            icon="add"
            onClick={() => setOpen({ id: 'addReferral', action: 'addReferral', step: addReferralStep(c, t) })}
          >
            {t('aftercare.action.addReferral')}
          </Button>
        )
      }
    >
      <DataTable
        caption={t('aftercare.referrals.title')}
        captionHidden
        rows={c.referrals}
        rowKey={(r) => r.id}
        empty={t('aftercare.referrals.empty')}
        columns={[
          { key: 'kind', header: t('aftercare.field.kind'), rowHeader: true, cell: (r) => t(`aftercare.referralKind.${r.kind}`) },
          {
            key: 'status',
            header: t('aftercare.field.referralState'),
            cell: (r) => (
              <>
                {t(`aftercare.referralState.${r.status}`)}
                <span className="cell-sub">{t('aftercare.referrals.updated', { date: formatDate(r.updatedAt, 'Europe/Berlin') })}</span>
              </>
            ),
          },
          { key: 'provider', header: t('aftercare.field.provider'), cell: (r) => r.provider ?? t('common.none') },
          { key: 'note', header: t('aftercare.field.note'), cell: (r) => <span className="preline">{r.note ?? ''}</span> },
          ...(c.actions.includes('updateReferral')
            ? [
                {
                  key: 'act',
                  header: t('common.actions'),
                  cell: (r: AftercareCase['referrals'][number]) => (
                    <Button
                      variant="tertiary"
                      aria-label={`${t('aftercare.action.updateReferral')}: ${t(`aftercare.referralKind.${r.kind}`)}`}
                      onClick={() => setOpen({ id: `ref-${r.id}`, action: 'updateReferral', step: updateReferralStep(r, t) })}
                    >
                      {t('aftercare.action.updateReferral')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog}
    </Section>
  );
}

/** Mediation contacts with landlords, Jobcenter and other bodies. */
export function ContactsSection({ c, notify }: Props) {
  const { t } = useTranslation();
  const { setOpen, dialog } = useDialog(notify);
  return (
    <Section
      id="aftercare-contacts"
      title={t('aftercare.contacts.title')}
      actions={
        c.actions.includes('logContact') && (
          <Button
            variant="secondary"
            icon="add"
            onClick={() => setOpen({ id: 'logContact', action: 'logContact', step: logContactStep(c, t) })}
          >
            {t('aftercare.action.logContact')}
          </Button>
        )
      }
    >
      <DataTable
        caption={t('aftercare.contacts.title')}
        captionHidden
        rows={c.contacts}
        rowKey={(r) => r.id}
        empty={t('aftercare.contacts.empty')}
        columns={[
          { key: 'on', header: t('aftercare.field.occurredOn'), rowHeader: true, cell: (r) => formatDate(r.occurredOn) },
          {
            key: 'who',
            header: t('aftercare.field.counterpart'),
            cell: (r) => (
              <>
                {t(`aftercare.counterpart.${r.counterpart}`)}
                {r.counterpartName && <span className="cell-sub">{r.counterpartName}</span>}
              </>
            ),
          },
          { key: 'outcome', header: t('aftercare.field.outcome'), cell: (r) => t(`aftercare.outcome.${r.outcome}`) },
          { key: 'note', header: t('aftercare.field.note'), cell: (r) => <span className="preline">{r.note ?? ''}</span> },
        ]}
      />
      {dialog}
    </Section>
  );
}

/** Follow-up checks after the end (Fachstelle only). */
export function FollowUpsSection({ c, notify }: Props) {
  const { t } = useTranslation();
  const { setOpen, dialog } = useDialog(notify);
  if (c.view !== 'office' || c.state !== 'ended') return null;
  return (
    <Section id="aftercare-follow-ups" title={t('aftercare.followUps.title')}>
      {c.followUps.length === 0 ? (
        <p className="kern-body">{t('aftercare.followUps.empty')}</p>
      ) : (
        <ul className="ac-list">
          {c.followUps.map((f) => (
            <li key={f.id} className="ac-item">
              <p className="kern-body">{t('aftercare.followUps.due', { months: f.months, date: formatDate(f.dueOn) })}</p>
              {f.checkedOn ? (
                <p className="kern-body">
                  {t('aftercare.followUps.result', {
                    date: formatDate(f.checkedOn),
                    result: t(`aftercare.followUpResult.${f.homeKept ? 'kept' : 'lost'}`),
                  })}
                </p>
              ) : (
                c.actions.includes('recordFollowUp') && (
                  <Button
                    variant="secondary"
                    onClick={() => setOpen({ id: `fu-${f.id}`, action: 'recordFollowUp', step: followUpStep(f.id, t) })}
                  >
                    {t('aftercare.action.recordFollowUp')}
                  </Button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </Section>
  );
}

/** The log of what was passed to the carrier (§ 67b SGB X), for the Fachstelle. */
export function TransfersSection({ c, enabled }: { c: AftercareCase; enabled: boolean }) {
  const { t } = useTranslation();
  const transfers = useTransfers(c.id, enabled && c.view === 'office');
  if (!enabled || c.view !== 'office' || !transfers.data) return null;
  return (
    <Section id="aftercare-transfers" title={t('aftercare.case.transfers')}>
      <DataTable
        caption={t('aftercare.case.transfers')}
        captionHidden
        rows={transfers.data.items.slice(0, 50)}
        rowKey={(r) => r.id}
        empty={t('aftercare.case.transfersEmpty')}
        columns={[
          { key: 'at', header: t('aftercare.case.transferAt'), rowHeader: true, cell: (r) => formatDateTime(r.at, 'Europe/Berlin') },
          {
            key: 'user',
            header: t('aftercare.case.transferUser'),
            cell: (r) => (
              <>
                {r.user?.name ?? t('common.none')}
                <span className="cell-sub">{`${r.carrier.name} · ${t(`aftercare.case.transferKind.${r.kind}`)}`}</span>
              </>
            ),
          },
          { key: 'fields', header: t('aftercare.case.transferFields'), cell: (r) => r.fields.join(', ') },
        ]}
      />
    </Section>
  );
}
