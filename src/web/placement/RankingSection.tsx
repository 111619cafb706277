import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { ErrorAlert } from '../components/Alert';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useOfferPage } from './context';
import { StepError } from '../components/StepFeedback';
import { PickDialog } from './PickDialog';
import { FIRST_PAGES, placementKeys, useCandidates, useRanking, useRankings, type Ranking, type RankingPages } from './queries';
import { RankingEntries, RankingExclusions } from './RankingParts';

/** The explained ranking of the pool: create one, browse stored ones, pick households for the shortlist. */
export function RankingSection() {
  const { t } = useTranslation();
  const { offer, refresh } = useOfferPage();
  const queryClient = useQueryClient();
  const rankings = useRankings(offer.id);
  const candidates = useCandidates(offer.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pages, setPages] = useState<RankingPages>(FIRST_PAGES);
  const [picking, setPicking] = useState<Ranking['entries'][number] | null>(null);
  const sorted = [...(rankings.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const selectedId = chosen ?? sorted[0]?.id ?? null;
  const ranking = useRanking(offer.id, selectedId, pages);
  const choose = (id: string) => {
    setChosen(id);
    setPages(FIRST_PAGES);
  };

  const create = useMutation({
    mutationFn: () => ok(api.POST('/offers/{id}/rankings', { params: { path: { id: offer.id } } })),
    onSuccess: async (r) => {
      queryClient.setQueryData(placementKeys.ranking(offer.id, r.id, FIRST_PAGES), r);
      choose(r.id);
      await refresh();
    },
  });

  const picked = new Set(
    (candidates.data?.items ?? []).flatMap((c) => ('household' in c && c.status !== 'withdrawn' ? [c.household.id] : [])),
  );
  const canPick = offer.actions.includes('pick');

  return (
    <Section
      id="offer-ranking"
      title={t('placement.ranking.title')}
      actions={
        offer.actions.includes('rank') ? (
          <Button icon="autorenew" onClick={() => create.mutate()} disabled={create.isPending}>
            {create.isPending ? t('placement.ranking.creating') : t('placement.ranking.create')}
          </Button>
        ) : null
      }
    >
      <StepError error={create.error} onReload={() => void refresh().then(() => create.reset())} />
      {rankings.isPending ? (
        <Loading />
      ) : rankings.isError ? (
        <ErrorAlert message={errorMessage(rankings.error, t)} />
      ) : sorted.length === 0 ? (
        <p className="kern-body">{t('placement.ranking.none')}</p>
      ) : (
        <div className="stack">
          {sorted.length > 1 && (
            <SelectField
              id="ranking-select"
              className="field--wide"
              label={t('placement.ranking.select')}
              value={selectedId ?? ''}
              options={sorted.map((r) => ({
                value: r.id,
                label: t('placement.ranking.option', {
                  at: formatDateTime(r.createdAt),
                  round: r.round,
                  eligible: r.eligibleCount,
                  pool: r.poolSize,
                }),
              }))}
              onChange={(e) => choose(e.target.value)}
            />
          )}
          {ranking.isPending ? (
            <Loading />
          ) : ranking.isError ? (
            <ErrorAlert message={errorMessage(ranking.error, t)} />
          ) : (
            <>
              <p className="kern-body" role="status">
                {t('placement.ranking.summary', {
                  eligible: ranking.data.eligibleCount,
                  pool: ranking.data.poolSize,
                  at: formatDateTime(ranking.data.createdAt),
                  by: ranking.data.createdBy?.displayName ?? t('common.none'),
                })}
              </p>
              <RankingEntries
                ranking={ranking.data}
                picked={picked}
                canPick={canPick}
                onPick={setPicking}
                onPage={(entriesPage) => setPages({ ...pages, entriesPage })}
              />
              <RankingExclusions ranking={ranking.data} onPage={(exclusionsPage) => setPages({ ...pages, exclusionsPage })} />
            </>
          )}
        </div>
      )}
      {picking && selectedId && <PickDialog entry={picking} rankingId={selectedId} onClose={() => setPicking(null)} />}
    </Section>
  );
}
