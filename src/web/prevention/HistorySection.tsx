import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import { formatDateTime } from '../i18n/format';
import { useCasePage } from './context';
import { useLooseT, type LooseT } from './labels';
import type { PreventionCase } from './queries';

interface Entry {
  key: string;
  at: string;
  text: string;
  by?: string | null;
}

/** The case's history, newest first, from what the case itself carries (notice, attempts, letters, measures, referrals, closing). */
export function caseHistory(c: PreventionCase, t: LooseT): Entry[] {
  const entries: Entry[] = [
    { key: 'created', at: c.createdAt, text: t('prevention.history.created', { source: t(`prevention.sourceShort.${c.source}`) }) },
    ...c.attempts.map((a) => ({
      key: `a-${a.id}`,
      at: a.at,
      text: t('prevention.history.attempt', { channel: t(`prevention.channel.${a.channel}`), result: t(`prevention.result.${a.result}`) }),
      by: a.by?.displayName,
    })),
    ...c.documents.map((d) => ({ key: `d-${d.id}`, at: d.createdAt, text: t('prevention.history.document', { filename: d.filename }) })),
    ...c.measures.map((m) => ({
      key: `m-${m.id}`,
      at: m.createdAt,
      text: t('prevention.history.measure', {
        kind: t(`prevention.measureKind.${m.kind}`),
        status: t(`prevention.measureState.${m.status}`),
      }),
    })),
    ...c.referrals.map((r) => ({
      key: `r-${r.id}`,
      at: r.updatedAt,
      text: t('prevention.history.referral', {
        kind: t(`prevention.referralKind.${r.kind}`),
        status: t(`prevention.referralState.${r.status}`),
      }),
    })),
    ...(c.closedAt && c.outcome
      ? [{ key: 'closed', at: c.closedAt, text: t('prevention.history.closed', { outcome: t(`prevention.outcome.${c.outcome}`) }) }]
      : []),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function HistorySection() {
  const { t } = useTranslation();
  const { case: c } = useCasePage();
  const entries = caseHistory(c, useLooseT());
  return (
    <Section id="history" title={t('prevention.history.title')}>
      <ol className="plain-list history-list">
        {entries.map((e) => (
          <li key={e.key} className="history-list__item">
            <span className="history-list__time">{formatDateTime(e.at, 'Europe/Berlin')}</span>
            <span>{e.text}</span>
            {e.by && <span className="kern-body--small">{t('prevention.history.by', { name: e.by })}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
