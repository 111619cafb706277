import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
  /** aria-sort for the currently sorted column. */
  sort?: 'ascending' | 'descending';
}

interface Props<T> {
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  empty: string;
  busy?: boolean;
}

/** KERN table in a keyboard-scrollable region. Rows come pre-paged from the server. */
export function DataTable<T>({ caption, captionHidden, columns, rows, rowKey, empty, busy }: Props<T>) {
  if (rows.length === 0) return <p className="kern-body">{empty}</p>;
  return (
    <div className="kern-table-responsive table-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="kern-table kern-table--striped kern-table--small" aria-busy={busy || undefined}>
        <caption className={captionHidden ? 'visually-hidden' : 'kern-title'}>{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sort}
                className={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className="kern-table__row">
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className="kern-table__header">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={`kern-table__cell${c.numeric ? ' kern-table__cell--numeric' : ''}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
