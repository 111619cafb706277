import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { can } from '../auth/can';
import { todayBerlin } from './labels';
import { usePreventionSettings, useVisits, type Visit } from './queries';
import { VisitDialog } from './VisitDialog';
import { addDays, hoursOn, isOpenNow, isoWeekday } from './walkIn';
import './prevention.css';

/** The walk-in register: the day's consultation hours, who came, and a quick path to open a case. */
export function WalkInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const today = todayBerlin();
  const [searchParams, setSearchParams] = useSearchParams();
  const dayParam = searchParams.get('day') ?? '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(dayParam) ? dayParam : today;
  const settings = usePreventionSettings();
  const visits = useVisits(day, day);
  const [dialog, setDialog] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const mayRecord = can(me, 'prevention.visit.create');
  const mayOpen = can(me, 'prevention.create');
  const setDay = (d: string) => setSearchParams(d === today ? new URLSearchParams() : new URLSearchParams({ day: d }), { replace: true });

  const hours = settings.data ? hoursOn(settings.data.walkInHours, day) : [];
  const open = settings.data && day === today && isOpenNow(settings.data.walkInHours, day, new Date());
  const title = t('prevention.walkIn.title');

  return (
    <>
      <PageHeading
        title={title}
        actions={
          <>
            {mayRecord && (
              <Button icon="add" onClick={() => setDialog(true)}>
                {t('prevention.walkIn.record')}
              </Button>
            )}
            <ButtonLink to="/prevention" variant="secondary">
              {t('prevention.walkIn.toQueue')}
            </ButtonLink>
          </>
        }
      >
        {title}
      </PageHeading>
      <div aria-live="polite">
        {saved && (
          <div className="kern-alert kern-alert--success app-alert" role="status">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span className="kern-title">{saved}</span>
            </div>
          </div>
        )}
      </div>

      <div className="day-picker">
        <Button variant="tertiary" icon="arrow-back" onClick={() => setDay(addDays(day, -1))}>
          {t('prevention.walkIn.previousDay')}
        </Button>
        <TextField
          id="walk-in-day"
          className="field--narrow"
          label={t('prevention.walkIn.day')}
          type="date"
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
        />
        <Button variant="tertiary" icon="arrow-forward" onClick={() => setDay(addDays(day, 1))}>
          {t('prevention.walkIn.nextDay')}
        </Button>
        {day !== today && (
          <Button variant="secondary" onClick={() => setDay(today)}>
            {t('prevention.walkIn.today')}
          </Button>
        )}
      </div>

      <Section id="hours" title={t('prevention.walkIn.hoursTitle', { date: formatDate(day) })}>
        {settings.isError ? (
          <ErrorAlert message={errorMessage(settings.error, t)} />
        ) : settings.isPending ? (
          <Loading />
        ) : hours.length === 0 ? (
          <p className="kern-body">
            {t('prevention.walkIn.noHours', { weekday: t(`prevention.weekday.${String(isoWeekday(day)) as '1'}`) })}
          </p>
        ) : (
          <p className="kern-body walk-in-hours">
            {hours.map((h) => t('prevention.walkIn.slot', { from: h.from, to: h.to })).join(', ')}
            {day === today && (
              <strong className={open ? 'walk-in-open' : undefined}>
                {open ? t('prevention.walkIn.openNow') : t('prevention.walkIn.closedNow')}
              </strong>
            )}
          </p>
        )}
      </Section>

      <Section id="visits" title={t('prevention.walkIn.visitsTitle')}>
        {visits.isError && <ErrorAlert message={errorMessage(visits.error, t)} />}
        {visits.isPending ? (
          <Loading />
        ) : visits.data ? (
          <DataTable<Visit>
            caption={t('prevention.walkIn.visitsTitle')}
            captionHidden
            columns={[
              {
                key: 'time',
                header: t('prevention.walkIn.col.time'),
                cell: (v) => <span className="nowrap">{formatDateTime(v.visitedAt, 'Europe/Berlin')}</span>,
              },
              { key: 'name', header: t('prevention.walkIn.col.name'), rowHeader: true, cell: (v) => v.name },
              {
                key: 'kind',
                header: t('prevention.walkIn.col.kind'),
                cell: (v) =>
                  t(`prevention.visitKind.${v.kind}`) +
                  (v.kind === 'walk_in' && !v.duringWalkInHours ? ` (${t('prevention.walkIn.outsideHours')})` : ''),
              },
              { key: 'concern', header: t('prevention.walkIn.col.concern'), cell: (v) => v.concern },
              { key: 'outcome', header: t('prevention.walkIn.col.outcome'), cell: (v) => t(`prevention.visitOutcome.${v.outcome}`) },
              {
                key: 'case',
                header: t('prevention.walkIn.col.case'),
                cell: (v) =>
                  v.caseId ? (
                    <Link className="kern-link" to={`/prevention/cases/${v.caseId}`}>
                      {t('prevention.walkIn.toCase')}
                    </Link>
                  ) : mayOpen ? (
                    <Button
                      variant="secondary"
                      onClick={() => void navigate('/prevention/cases/new', { state: { visit: v } })}
                      className="nowrap"
                      aria-label={t('prevention.walkIn.openCaseFor', { name: v.name })}
                    >
                      {t('prevention.walkIn.openCase')}
                    </Button>
                  ) : (
                    t('common.none')
                  ),
              },
            ]}
            rows={visits.data.items}
            rowKey={(v) => v.id}
            empty={t('prevention.walkIn.noVisits')}
            busy={visits.isFetching}
          />
        ) : null}
      </Section>
      {dialog && (
        <VisitDialog
          day={day}
          onClose={() => setDialog(false)}
          onSaved={(v) => {
            setDialog(false);
            setSaved(t('prevention.walkIn.saved', { name: v.name }));
          }}
        />
      )}
    </>
  );
}
