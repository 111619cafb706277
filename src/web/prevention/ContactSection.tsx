import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { formatNumber } from '../lib/numbers';
import { AttemptDialog, ContactLetterDialog } from './AttemptDialog';
import { useCasePage } from './context';
import { DocumentLinks } from './DocumentLinks';
import { DueText, useContactStepLabel } from './labels';
import type { Attempt } from './queries';

/** Hours → "5 Stunden" or "2 Tage, 3 Stunden" (the KPI "time to first contact"). */
export function useDuration() {
  const { t } = useTranslation();
  return (hours: number | null): string => {
    if (hours === null) return t('prevention.contact.notYet');
    if (hours < 48) return t('prevention.contact.hours', { count: Math.round(hours * 10) / 10, formatted: formatNumber(hours, 1) });
    const days = Math.floor(hours / 24);
    return t('prevention.contact.daysHours', { days, hours: Math.round(hours - days * 24) });
  };
}

/** The contact procedure: next due step, recorded attempts, the letter, the times to first attempt and contact. */
export function ContactSection() {
  const { t } = useTranslation();
  const stepLabel = useContactStepLabel();
  const { case: c, can } = useCasePage();
  const [dialog, setDialog] = useState<'attempt' | 'letter' | null>(null);
  const duration = useDuration();
  const next = c.contact.next;
  const letters = c.documents.filter((d) => d.kind === 'contact_letter');

  return (
    <>
      <Section
        id="contact-next"
        title={t('prevention.contact.title')}
        actions={
          <div className="section__actions">
            {can('recordAttempt') && (
              <Button icon="add" onClick={() => setDialog('attempt')}>
                {t('prevention.contact.record')}
              </Button>
            )}
            {can('contactLetter') && (
              <Button variant="secondary" onClick={() => setDialog('letter')}>
                {t('prevention.contact.letterCreate')}
              </Button>
            )}
          </div>
        }
      >
        <div className="next-step">
          {next ? (
            <p className="kern-body">
              <strong>{t('prevention.contact.nextStep', { n: next.index + 1, label: stepLabel(next) })}</strong> (
              {t(`prevention.channel.${next.channel}`)}) – <DueText value={next.dueOn} />
            </p>
          ) : (
            <p className="kern-body">
              {c.contact.reached
                ? t('prevention.contact.reached')
                : c.contact.exhausted
                  ? t('prevention.contact.exhausted')
                  : t('prevention.contact.noNext')}
            </p>
          )}
        </div>
        <DescriptionList
          items={[
            { key: 'received', label: t('prevention.contact.receivedOn'), value: formatDate(c.receivedOn) },
            {
              key: 'firstAttempt',
              label: t('prevention.contact.firstAttempt'),
              value: c.contact.firstAttemptAt
                ? `${formatDateTime(c.contact.firstAttemptAt, 'Europe/Berlin')} (${duration(c.contact.hoursToFirstAttempt)})`
                : t('prevention.contact.notYet'),
            },
            {
              key: 'firstContact',
              label: t('prevention.contact.firstContact'),
              value: c.contact.firstContactAt
                ? `${formatDateTime(c.contact.firstContactAt, 'Europe/Berlin')} (${duration(c.contact.hoursToFirstContact)})`
                : t('prevention.contact.notYet'),
            },
          ]}
        />
        {letters.length > 0 && <DocumentLinks caseId={c.id} documents={letters} label={t('prevention.contact.letters')} />}
      </Section>

      <Section id="contact-steps" title={t('prevention.contact.steps')}>
        <DataTable
          caption={t('prevention.contact.steps')}
          captionHidden
          columns={[
            { key: 'n', header: t('prevention.contact.col.n'), numeric: true, cell: (s) => s.index + 1 },
            { key: 'label', header: t('prevention.contact.col.step'), rowHeader: true, cell: (s) => stepLabel(s) },
            { key: 'channel', header: t('prevention.contact.channel'), cell: (s) => t(`prevention.channel.${s.channel}`) },
            { key: 'due', header: t('prevention.contact.col.due'), cell: (s) => formatDate(s.dueOn) },
            {
              key: 'done',
              header: t('prevention.contact.col.done'),
              cell: (s) => (s.doneAt ? formatDateTime(s.doneAt, 'Europe/Berlin') : t('prevention.contact.open')),
            },
          ]}
          rows={c.contact.steps}
          rowKey={(s) => String(s.index)}
          empty={t('common.noEntries')}
        />
      </Section>

      <Section id="contact-attempts" title={t('prevention.contact.attempts')}>
        <DataTable<Attempt>
          caption={t('prevention.contact.attempts')}
          captionHidden
          columns={[
            {
              key: 'at',
              header: t('prevention.contact.at'),
              rowHeader: true,
              cell: (a) => <span className="nowrap">{formatDateTime(a.at, 'Europe/Berlin')}</span>,
            },
            { key: 'channel', header: t('prevention.contact.channel'), cell: (a) => t(`prevention.channel.${a.channel}`) },
            { key: 'result', header: t('prevention.contact.result'), cell: (a) => t(`prevention.result.${a.result}`) },
            { key: 'note', header: t('prevention.contact.note'), cell: (a) => a.note ?? '' },
            { key: 'by', header: t('prevention.contact.by'), cell: (a) => a.by?.displayName ?? '' },
          ]}
          rows={c.attempts}
          rowKey={(a) => a.id}
          empty={t('prevention.contact.noAttempts')}
        />
      </Section>
      {dialog === 'attempt' && <AttemptDialog onClose={() => setDialog(null)} />}
      {dialog === 'letter' && <ContactLetterDialog onClose={() => setDialog(null)} />}
    </>
  );
}
