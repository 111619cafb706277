import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useTexts } from '../i18n/useTexts';
import { useProgrammes, type ProgrammeEntry } from './queries';

/** State code → text, per kind of case (each module names its own states); unknown codes as they are. */
function useStateLabel() {
  const x = useTexts();
  const tables: Record<ProgrammeEntry['kind'], Record<string, string>> = {
    prevention_case: x.prevention.state,
    candidacy: x.placement.candidateState,
    tenancy: x.sustainment.tenancyStatus,
    aftercare_case: x.aftercare.state,
  };
  return (e: ProgrammeEntry): string => tables[e.kind][e.state] ?? e.state;
}

/** Programmes and cases: every case of the household across the modules, each linking to its page. */
export function ProgrammesSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const programmes = useProgrammes(householdId);
  const texts = useTexts();
  const stateLabel = useStateLabel();
  const moduleLabel = (m: string) => (texts.programmes as Record<string, { title: string } | undefined>)[m]?.title ?? m;
  const none = t('common.none');

  return (
    <Section id="programmes" title={t('householdProgrammes.title')}>
      <p className="kern-body kern-body--muted">{t('householdProgrammes.subtitle')}</p>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <ErrorAlert message={errorMessage(programmes.error, t)} />
      ) : (
        <DataTable<ProgrammeEntry>
          caption={t('householdProgrammes.caption')}
          captionHidden
          rows={programmes.data}
          rowKey={(e) => `${e.kind}-${e.id}`}
          empty={t('householdProgrammes.empty')}
          columns={[
            {
              key: 'reference',
              header: t('householdProgrammes.col.reference'),
              rowHeader: true,
              cell: (e) => (
                <Link
                  className="kern-link"
                  to={e.link}
                  aria-label={t('householdProgrammes.open', { kind: t(`householdProgrammes.kind.${e.kind}`), reference: e.reference })}
                >
                  {e.reference}
                </Link>
              ),
            },
            { key: 'programme', header: t('householdProgrammes.col.programme'), cell: (e) => moduleLabel(e.module) },
            {
              key: 'kind',
              header: t('householdProgrammes.col.kind'),
              cell: (e) =>
                e.rank === null
                  ? t(`householdProgrammes.kind.${e.kind}`)
                  : `${t(`householdProgrammes.kind.${e.kind}`)} (${t('householdProgrammes.rank', { rank: e.rank })})`,
            },
            { key: 'state', header: t('householdProgrammes.col.state'), cell: stateLabel },
            { key: 'address', header: t('householdProgrammes.col.address'), cell: (e) => e.address ?? none },
            { key: 'from', header: t('householdProgrammes.col.from'), cell: (e) => formatDate(e.from) || none },
            { key: 'until', header: t('householdProgrammes.col.until'), cell: (e) => formatDate(e.until) || none },
          ]}
        />
      )}
    </Section>
  );
}
