import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../i18n/format';
import { formatEuro } from '../../contracts/format';
import { newIdempotencyKey } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable, type Column } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Pagination } from '../components/Pagination';
import { errorMessage } from '../i18n/errors';
import { confirmImport, decideRow, importKeys, useImportRows, type ImportJob, type ImportRow, type RowFilter } from './api';

const FILTERS: RowFilter[] = ['all', 'invalid', 'matched', 'possible', 'duplicates'];

export function Counts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (!job.counts) return null;
  const keys = ['total', 'valid', 'invalid', 'matched', 'possible', 'duplicates'] as const;
  return (
    <dl className="import-counts" aria-label={t('preventionImport.countsCaption')}>
      {keys.map((k) => (
        <div key={k}>
          <dt>{t(`preventionImport.counts.${k}`)}</dt>
          <dd>{job.counts![k].toLocaleString('de-DE')}</dd>
        </div>
      ))}
    </dl>
  );
}

const MATCH_TEXT = {
  person: 'preventionImport.matchPerson',
  name_address: 'preventionImport.matchNameAddress',
  address: 'preventionImport.matchAddress',
} as const;

/** A household found by the address alone: shown as possible, linked only when a person decides so. */
function PossibleMatch({ job, row }: { job: ImportJob; row: ImportRow }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'link' | 'new') => decideRow(job.id, row.rowNo, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.job(job.id) }),
  });
  const p = row.possibleMatch!;
  if (p.decision === 'link') return null; // shown as the match
  const args = { reference: p.reference, name: p.name };
  return (
    <li className="import-possible">
      <Link className="kern-link" to={`/households/${p.householdId}`}>
        {t(p.decision === 'new' ? 'preventionImport.possibleNew' : 'preventionImport.possibleMatch', args)}
      </Link>
      {job.actions.includes('confirm') && (
        <span className="import-possible__actions">
          <Button variant="secondary" onClick={() => decide.mutate('link')} disabled={decide.isPending}>
            {t('preventionImport.possibleLink', args)}
          </Button>
          {p.decision === null && (
            <Button variant="secondary" onClick={() => decide.mutate('new')} disabled={decide.isPending}>
              {t('preventionImport.possibleKeepNew')}
            </Button>
          )}
        </span>
      )}
      {decide.error && <ErrorAlert message={errorMessage(decide.error, t)} />}
    </li>
  );
}

/** Errors at the row (with the column), the household a row links to, or the row it repeats. */
function RowNotes({ job, row }: { job: ImportJob; row: ImportRow }) {
  const { t } = useTranslation();
  const notes = [
    ...row.errors.map((e) => (
      <li key={`${e.column}-${e.message}`} className="import-error">
        {e.column ? t('preventionImport.errorAt', { column: e.column, message: e.message }) : e.message}
      </li>
    )),
    row.match && (
      <li key="match">
        <Link className="kern-link" to={`/households/${row.match.householdId}`}>
          {t(MATCH_TEXT[row.match.by], {
            reference: row.match.reference,
            name: row.match.name,
          })}
        </Link>
      </li>
    ),
    row.possibleMatch && <PossibleMatch key="possible" job={job} row={row} />,
    row.duplicateOf !== null && <li key="dup">{t('preventionImport.duplicateOf', { row: row.duplicateOf })}</li>,
  ].filter(Boolean);
  return notes.length ? <ul className="import-row-notes">{notes}</ul> : null;
}

function RowsTable({ job, filter }: { job: ImportJob; filter: RowFilter }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useImportRows(job.id, filter, page, true);
  if (rows.isPending) return <Loading />;
  if (rows.error) return <ErrorAlert message={errorMessage(rows.error, t)} />;
  const status = (r: ImportRow) =>
    r.status === 'invalid'
      ? t('preventionImport.statusInvalid')
      : r.duplicateOf !== null
        ? t('preventionImport.statusDuplicate')
        : t('preventionImport.statusValid');
  const columns: Column<ImportRow>[] = [
    { key: 'row', header: t('preventionImport.colRow'), rowHeader: true, numeric: true, cell: (r) => r.rowNo },
    { key: 'status', header: t('preventionImport.colStatus'), cell: status },
    {
      key: 'name',
      header: t('preventionImport.colName'),
      cell: (r) => (r.birthDate ? `${r.name ?? '–'} (${formatDate(r.birthDate)})` : (r.name ?? '–')),
    },
    { key: 'address', header: t('preventionImport.colAddress'), cell: (r) => r.address ?? '–' },
    {
      key: 'arrears',
      header: t('preventionImport.colArrears'),
      numeric: true,
      cell: (r) => <span className="nowrap">{r.arrearsCents === null ? '–' : formatEuro(r.arrearsCents)}</span>,
    },
    { key: 'notes', header: t('preventionImport.colNotes'), cell: (r) => <RowNotes job={job} row={r} /> },
  ];
  return (
    <>
      <DataTable
        caption={t('preventionImport.rowsCaption', { filter: t(`preventionImport.filters.${filter}`), page })}
        columns={columns}
        rows={rows.data.items}
        rowKey={(r) => String(r.rowNo)}
        empty={t('preventionImport.noRows')}
        busy={rows.isFetching}
      />
      <Pagination page={page} pageSize={rows.data.pageSize} total={rows.data.total} onPage={setPage} />
    </>
  );
}

/** Step 3: counts, rows with their problems and matches; nothing is saved until confirmed. */
export function PreviewStep({ job, onChangeMapping }: { job: ImportJob; onChangeMapping: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<RowFilter>(job.counts && job.counts.invalid > 0 ? 'invalid' : 'all');
  const key = useRef(newIdempotencyKey());
  const confirm = useMutation({
    mutationFn: () => confirmImport(job.id, key.current),
    onSuccess: (updated) => queryClient.setQueryData(importKeys.job(job.id), updated),
  });
  const valid = job.counts?.valid ?? 0;
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="kern-heading-medium">
        {t('preventionImport.previewTitle')}
      </h2>
      <Alert variant="info">
        <p className="kern-body">{t('preventionImport.previewIntro')}</p>
      </Alert>
      <Counts job={job} />
      {(job.counts?.possible ?? 0) > 0 && (
        <Alert variant="warning">
          <p className="kern-body">{t('preventionImport.possibleHint', { count: job.counts!.possible })}</p>
        </Alert>
      )}
      <Tabs className="import-tabs" selectedKey={filter} onSelectionChange={(k) => setFilter(k as RowFilter)}>
        <TabList aria-label={t('preventionImport.filter')} className="import-tabs__list">
          {FILTERS.map((f) => (
            <Tab key={f} id={f} className="import-tabs__tab">
              {t(`preventionImport.filters.${f}`)}
            </Tab>
          ))}
        </TabList>
        {FILTERS.map((f) => (
          <TabPanel key={f} id={f} className="import-tabs__panel">
            <RowsTable job={job} filter={f} />
          </TabPanel>
        ))}
      </Tabs>
      {confirm.error && <ErrorAlert message={errorMessage(confirm.error, t)} />}
      {valid === 0 && (
        <Alert variant="warning">
          <p className="kern-body">{t('preventionImport.nothingToImport')}</p>
        </Alert>
      )}
      <div className="import-actions">
        {job.actions.includes('confirm') && valid > 0 && (
          <Button icon="check" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            {confirm.isPending ? t('preventionImport.confirming') : t('preventionImport.confirm', { count: valid })}
          </Button>
        )}
        {job.actions.includes('map') && (
          <Button variant="secondary" icon="edit" onClick={onChangeMapping} disabled={confirm.isPending}>
            {t('preventionImport.changeMapping')}
          </Button>
        )}
      </div>
    </section>
  );
}
