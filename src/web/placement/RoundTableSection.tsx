import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { can } from '../auth/can';
import { useOfferPage } from './context';
import { useRoundTables, type RoundTable } from './queries';
import { RoundTableDialog } from './RoundTableDialog';
import { TextDialog } from './TextDialog';

type Dialog = { kind: 'schedule' } | { kind: 'reschedule' | 'cancel' | 'minutes'; rt: RoundTable };

/** The virtual round table(s) of the offer: plan, move, cancel, record minutes; video link for all. */
export function RoundTableSection() {
  const { t } = useTranslation();
  const me = useMe();
  const { offer, notify } = useOfferPage();
  const list = useRoundTables(offer.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canSchedule = offer.actions.includes('scheduleRoundTable') || offer.actions.includes('updateRoundTable');
  const canUpdate = offer.actions.includes('updateRoundTable');
  const canMinutes = can(me, 'roundTable.manage');
  const items = [...(list.data ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const close = () => setDialog(null);
  const done = () => {
    close();
    notify(t('placement.roundTable.saved'));
  };

  return (
    <Section
      id="offer-round-table"
      title={t('placement.roundTable.title')}
      actions={
        canSchedule ? (
          <Button icon="calendar-today" variant={items.length ? 'secondary' : 'primary'} onClick={() => setDialog({ kind: 'schedule' })}>
            {items.length ? t('placement.roundTable.scheduleAnother') : t('placement.roundTable.schedule')}
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : items.length === 0 ? (
        <p className="kern-body">{t('placement.roundTable.empty')}</p>
      ) : (
        <ul className="candidate-list">
          {items.map((rt) => (
            <li key={rt.id}>
              <article className="candidate kern-card" aria-labelledby={`rt-${rt.id}`}>
                <header className="candidate__header">
                  <h3 id={`rt-${rt.id}`} className="kern-heading-small">
                    {t('placement.roundTable.heading', { start: formatDateTime(rt.startsAt) })}
                  </h3>
                  <span
                    className={`kern-badge kern-badge--small kern-badge--${rt.status === 'cancelled' ? 'danger' : rt.status === 'held' ? 'success' : 'info'}`}
                  >
                    <span className="kern-label">{t(`placement.meetingStatus.${rt.status}`)}</span>
                  </span>
                </header>
                <DescriptionList
                  items={[
                    {
                      key: 'when',
                      label: t('placement.roundTable.when'),
                      value: `${formatDateTime(rt.startsAt)} – ${formatDateTime(rt.endsAt).split(', ')[1] ?? ''}`,
                    },
                    ...(offer.round > 1 ? [{ key: 'round', label: t('placement.roundTable.round'), value: rt.round }] : []),
                    {
                      key: 'people',
                      label: t('placement.roundTable.participants'),
                      value: rt.participants.map((p) => p.displayName).join(', '),
                    },
                    {
                      key: 'video',
                      label: t('placement.roundTable.video'),
                      value:
                        rt.videoUrl && rt.status !== 'cancelled' ? (
                          <a className="kern-link" href={rt.videoUrl} target="_blank" rel="noreferrer">
                            {t('placement.roundTable.videoLink')}{' '}
                            <span className="kern-icon kern-icon--open-in-new kern-icon--small" aria-hidden="true" />
                            <span className="visually-hidden"> ({rt.videoUrl})</span>
                          </a>
                        ) : (
                          t('placement.roundTable.noVideo')
                        ),
                    },
                    ...(rt.minutes
                      ? [{ key: 'minutes', label: t('placement.roundTable.minutes'), value: <span className="preline">{rt.minutes}</span> }]
                      : []),
                  ]}
                />
                {rt.status !== 'cancelled' && (canUpdate || canMinutes) && (
                  <div className="candidate__actions">
                    {canUpdate && rt.status === 'scheduled' && (
                      <Button variant="secondary" onClick={() => setDialog({ kind: 'reschedule', rt })}>
                        {t('placement.roundTable.reschedule')}
                      </Button>
                    )}
                    {canMinutes && (
                      <Button variant="secondary" onClick={() => setDialog({ kind: 'minutes', rt })}>
                        {rt.minutes ? t('placement.roundTable.editMinutes') : t('placement.roundTable.recordMinutes')}
                      </Button>
                    )}
                    {canUpdate && rt.status === 'scheduled' && (
                      <Button variant="tertiary" onClick={() => setDialog({ kind: 'cancel', rt })}>
                        {t('placement.roundTable.cancel')}
                      </Button>
                    )}
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {dialog?.kind === 'schedule' && <RoundTableDialog onClose={close} onDone={done} />}
      {dialog?.kind === 'reschedule' && <RoundTableDialog roundTable={dialog.rt} onClose={close} onDone={done} />}
      {dialog?.kind === 'cancel' && (
        <TextDialog
          formId="round-table-cancel"
          noField
          label=""
          title={t('placement.roundTable.cancelTitle')}
          intro={t('placement.roundTable.cancelConfirm', { start: formatDateTime(dialog.rt.startsAt) })}
          submitLabel={t('placement.roundTable.cancelTitle')}
          run={() =>
            ok(api.POST('/round-tables/{id}/cancel', { params: { path: { id: dialog.rt.id } }, body: { version: dialog.rt.version } }))
          }
          onDone={done}
          onClose={close}
        />
      )}
      {dialog?.kind === 'minutes' && (
        <TextDialog
          formId="round-table-minutes"
          title={t('placement.roundTable.minutesTitle')}
          label={t('placement.roundTable.minutes')}
          initial={dialog.rt.minutes ?? ''}
          maxLength={20000}
          submitLabel={t('placement.roundTable.recordMinutes')}
          run={(minutes) =>
            ok(
              api.POST('/round-tables/{id}/minutes', {
                params: { path: { id: dialog.rt.id } },
                body: { minutes, version: dialog.rt.version },
              }),
            )
          }
          onDone={done}
          onClose={close}
        />
      )}
    </Section>
  );
}
