import { useSearchParams, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PRIVACY_REQUEST_STATES } from '../../contracts/privacy';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { DataTable, type Column } from '../components/DataTable';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { RequestStateBadge } from './labels';
import { useRequestList } from './queries';
import '../sustainment/sustainment.css';

type Row = NonNullable<ReturnType<typeof useRequestList>['data']>['items'][number];

/** /privacy – the access requests (Art. 15), open ones first by their deadline; filter by state (kept in the URL). */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const list = useRequestList(state);
  const columns: Column<Row>[] = [
    {
      key: 'reference',
      header: t('privacy.col.reference'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link sus-nowrap" to={`/privacy/requests/${r.id}`}>
          {r.reference}
        </Link>
      ),
    },
    { key: 'household', header: t('privacy.col.household'), cell: (r) => r.household.reference },
    { key: 'person', header: t('privacy.col.person'), cell: (r) => r.member?.name ?? t('privacy.col.wholeHousehold') },
    { key: 'received', header: t('privacy.col.receivedOn'), cell: (r) => <span className="sus-nowrap">{formatDate(r.receivedOn)}</span> },
    {
      key: 'due',
      header: t('privacy.col.dueOn'),
      cell: (r) => (
        <span className="sus-nowrap">
          {formatDate(r.dueOn)}
          {r.overdue && <span className="cell-sub">{t('privacy.col.overdue')}</span>}
        </span>
      ),
    },
    { key: 'state', header: t('privacy.col.state'), cell: (r) => <RequestStateBadge state={r.state} /> },
  ];
  const title = t('privacy.list.title');
  return (
    <>
      <PageHeading
        title={title}
        actions={
          can(me, 'privacy.request.create') ? (
            <ButtonLink to="/privacy/requests/new" icon="add">
              {t('privacy.list.new')}
            </ButtonLink>
          ) : null
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('privacy.list.intro')}</p>
      <div className="filters">
        <SelectField
          id="privacy-filter-state"
          label={t('privacy.list.state')}
          value={state}
          options={[
            { value: '', label: t('privacy.list.all') },
            ...PRIVACY_REQUEST_STATES.map((s) => ({ value: s, label: t(`privacy.state.${s}`) })),
          ]}
          onChange={(e) => setParams(e.target.value ? { state: e.target.value } : {}, { replace: true })}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : (
        <>
          <p className="kern-body" aria-live="polite">
            {t('privacy.list.count', { count: list.data.total })}
          </p>
          <DataTable
            caption={t('privacy.list.caption')}
            columns={columns}
            rows={list.data.items}
            rowKey={(r) => r.id}
            empty={t('privacy.list.empty')}
          />
        </>
      )}
    </>
  );
}
