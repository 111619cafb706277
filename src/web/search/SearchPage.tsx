import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEARCH_LIMITS } from '../../contracts/search';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { recordPath } from './paths';
import { useSearch } from './queries';
import './search.css';

/** The full result list of the global search: up to 50 hits per kind. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const search = useSearch(q, SEARCH_LIMITS.page);

  return (
    <>
      <PageHeading title={t('search.resultsTitle')}>{t('search.resultsTitle')}</PageHeading>
      <form
        role="search"
        className="search-results__form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: draft.trim() });
        }}
      >
        <label className="kern-label" htmlFor="search-page-q">
          {t('search.pageLabel')}
        </label>
        <input id="search-page-q" className="kern-form-input__input" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">{t('search.submit')}</span>
        </button>
      </form>
      {q.trim().length < 2 ? (
        <p>{t('search.tooShort')}</p>
      ) : search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ErrorAlert message={errorMessage(search.error, t)} />
      ) : (
        <section aria-labelledby="search-results-for">
          <h2 id="search-results-for" className="kern-heading-medium">
            {t('search.resultsFor', { q })}
          </h2>
          {search.data.reading === 'birthDate' && <p>{t('search.readingBirthDate')}</p>}
          {search.data.groups.every((g) => g.items.length === 0) && <p role="status">{t('search.none')}</p>}
          {search.data.groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <section key={g.kind} className="search-results__group" aria-labelledby={`search-group-${g.kind}`}>
                <h3 id={`search-group-${g.kind}`} className="kern-heading-small">
                  {t(`search.kind.${g.kind}`)} ({g.items.length})
                </h3>
                <ul>
                  {g.items.map((hit) => (
                    <li key={hit.id}>
                      <Link to={recordPath(g.kind, hit.id)}>{hit.reference}</Link> {hit.title}
                      {hit.address ? ` · ${hit.address}` : ''}{' '}
                      <span className="kern-body--small">({t(`search.matched.${hit.matched}`)})</span>
                    </li>
                  ))}
                </ul>
                {g.more && <p className="kern-body--small">{t('search.more')}</p>}
              </section>
            ))}
        </section>
      )}
    </>
  );
}
