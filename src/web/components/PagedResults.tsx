import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import { ErrorAlert } from './Alert';
import { DataTable, type Column } from './DataTable';
import { Loading } from './Loading';
import { Pagination } from './Pagination';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Props<T> {
  list: UseQueryResult<Paged<T>>;
  /** The announced number of results, e.g. "12 Fälle". */
  count: (total: number) => string;
  caption: (page: number) => string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: string;
  onPage: (page: number) => void;
}

/** A server-paged list: result count (announced), error, loading, the table and the pager. */
export function PagedResults<T>({ list, count, caption, columns, rowKey, empty, onPage }: Props<T>) {
  const { t } = useTranslation();
  const data = list.data;
  return (
    <>
      <p className="kern-body kern-body--bold result-count" role="status">
        {data ? count(data.total) : ''}
      </p>
      {list.isError && <ErrorAlert message={errorMessage(list.error, t)} />}
      {list.isPending ? (
        <Loading />
      ) : data ? (
        <div className={list.isPlaceholderData ? 'is-stale' : undefined}>
          <DataTable
            caption={caption(data.page)}
            captionHidden
            columns={columns}
            rows={data.items}
            rowKey={rowKey}
            empty={empty}
            busy={list.isFetching}
          />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
        </div>
      ) : null}
    </>
  );
}
