import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { Pagination } from '../components/Pagination';
import { formatNumber } from '../lib/numbers';
import type { Ranking } from './queries';

type Entry = Ranking['entries'][number];

interface EntriesProps {
  ranking: Ranking;
  picked: ReadonlySet<string>;
  canPick: boolean;
  onPick: (entry: Entry) => void;
  onPage: (page: number) => void;
}

/** Each ranked household, expandable to every criterion with value, weight and points. */
export function RankingEntries({ ranking, picked, canPick, onPick, onPage }: EntriesProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ranking-entries-title">
      <h3 id="ranking-entries-title" className="kern-heading-small">
        {t('placement.ranking.entries')}
      </h3>
      {ranking.entries.length === 0 ? (
        <p className="kern-body">{t('common.noEntries')}</p>
      ) : (
        <ol className="ranking-list">
          {ranking.entries.map((e) => (
            <li key={e.householdId}>
              <details className="kern-accordion ranking-entry">
                <summary className="kern-accordion__header">
                  <span className="kern-title ranking-entry__title">
                    {t('placement.ranking.entryTitle', {
                      rank: e.rank,
                      name: e.name,
                      reference: e.reference,
                      persons: e.persons,
                      score: formatNumber(e.score, 1),
                    })}
                  </span>
                  {picked.has(e.householdId) && (
                    <span className="kern-badge kern-badge--success kern-badge--small">
                      <span className="kern-label">{t('placement.ranking.picked')}</span>
                    </span>
                  )}
                </summary>
                <div className="kern-accordion__body ranking-entry__body">
                  <DataTable
                    caption={t('placement.ranking.criteria', { rank: e.rank })}
                    captionHidden
                    rows={e.criteria}
                    rowKey={(c) => c.code}
                    empty={t('common.noEntries')}
                    columns={[
                      { key: 'label', header: t('placement.ranking.col.criterion'), rowHeader: true, cell: (c) => c.label },
                      { key: 'value', header: t('placement.ranking.col.value'), cell: (c) => c.value },
                      { key: 'weight', header: t('placement.ranking.col.weight'), numeric: true, cell: (c) => formatNumber(c.weight, 1) },
                      { key: 'points', header: t('placement.ranking.col.points'), numeric: true, cell: (c) => formatNumber(c.points, 1) },
                    ]}
                  />
                  {e.tieBreak && <p className="kern-body">{t('placement.ranking.tieBreak', { text: e.tieBreak })}</p>}
                  {canPick && !picked.has(e.householdId) && (
                    <div>
                      <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onPick(e)}>
                        <span className="kern-icon kern-icon--add" aria-hidden="true" />
                        <span className="kern-label">{t('placement.ranking.pick')}</span>
                        <span className="visually-hidden">: {e.name}</span>
                      </button>
                    </div>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={ranking.entriesPage}
        pageSize={ranking.pageSize}
        total={ranking.entriesTotal}
        onPage={onPage}
        label={t('placement.ranking.entriesPages')}
      />
    </section>
  );
}

/** Why households were excluded: counts per reason and the households with their reasons, a page at a time. */
export function RankingExclusions({ ranking, onPage }: { ranking: Ranking; onPage: (page: number) => void }) {
  const { t, i18n } = useTranslation();
  const label = (code: string) => (i18n.exists(`placement.exclusion.${code}`) ? t(`placement.exclusion.${code as 'pets'}`) : code);
  const counts = Object.entries(ranking.exclusionCounts).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="ranking-exclusions-title" className="stack">
      <h3 id="ranking-exclusions-title" className="kern-heading-small">
        {t('placement.ranking.exclusions')}
      </h3>
      {counts.length === 0 ? (
        <p className="kern-body">{t('placement.ranking.noExclusions')}</p>
      ) : (
        <>
          <DataTable
            caption={t('placement.ranking.exclusionCounts')}
            rows={counts}
            rowKey={([code]) => code}
            empty={t('common.noEntries')}
            columns={[
              { key: 'reason', header: t('placement.ranking.col2.reason'), rowHeader: true, cell: ([code]) => label(code) },
              { key: 'count', header: t('placement.ranking.col2.count'), numeric: true, cell: ([, n]) => n },
            ]}
          />
          <DataTable
            caption={t('placement.ranking.exclusionCaption')}
            rows={ranking.exclusions}
            rowKey={(x) => x.householdId}
            empty={t('common.noEntries')}
            columns={[
              {
                key: 'household',
                header: t('placement.ranking.col2.household'),
                rowHeader: true,
                cell: (x) => `${x.name} (${x.reference})`,
              },
              {
                key: 'reasons',
                header: t('placement.ranking.col2.reasons'),
                cell: (x) => (
                  <ul className="plain-list">
                    {x.reasons.map((r) => (
                      <li key={r.code}>{r.text}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <Pagination
            page={ranking.exclusionsPage}
            pageSize={ranking.pageSize}
            total={ranking.exclusionsTotal}
            onPage={onPage}
            label={t('placement.ranking.exclusionsPages')}
          />
        </>
      )}
    </section>
  );
}
