import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatEuro } from '../i18n/format';
import { BillingEntry } from './BillingEntry';
import { BillingImport } from './BillingImport';
import { BillingInvoice } from './BillingInvoice';

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/** "Abrechnung": per month all operators, one operator's computed nights, its invoices with their differences. */
export function BillingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const write = can(me, 'accommodation.billing');
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? lastMonth();
  const operatorId = params.get('operator');
  const invoiceId = params.get('invoice');
  const set = (p: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(p))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next);
  };
  const overview = useQuery({
    queryKey: ['accommodation', 'billing', month],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/billing', { params: { query: { month } }, signal })),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const detail = useQuery({
    queryKey: ['accommodation', 'billing', month, operatorId],
    queryFn: ({ signal }) =>
      ok(api.GET('/accommodation/billing/operators/{id}', { params: { path: { id: operatorId! }, query: { month } }, signal })),
    enabled: !!operatorId && /^\d{4}-\d{2}$/.test(month),
  });
  const title = t('accBilling.title');
  const [entering, setEntering] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading
        title={title}
        actions={
          write && !entering ? (
            <Button
              icon="add"
              onClick={() => {
                setNotice(null);
                setEntering(true);
              }}
            >
              {t('accBilling.entry.open')}
            </Button>
          ) : null
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('accBilling.intro')}</p>
      {notice && <Alert variant="success">{notice}</Alert>}
      {write && entering && (
        <Section id="billing-entry-section" title={t('accBilling.entry.title')}>
          <BillingEntry
            operators={overview.data?.items ?? []}
            operatorId={operatorId}
            month={month}
            onCancel={() => setEntering(false)}
            onCreated={(inv) => {
              setEntering(false);
              setNotice(t('accBilling.entry.created', { no: inv.invoiceNo }));
              set({ month: inv.month, operator: inv.operatorId, invoice: inv.id });
            }}
          />
        </Section>
      )}
      <div className="form-row">
        <TextField
          id="billing-month"
          label={t('accBilling.month')}
          type="month"
          className="field--narrow"
          value={month}
          onChange={(e) => set({ month: e.target.value, invoice: null })}
        />
        <a className="kern-link" href={`/api/v1/accommodation/billing/export.csv?month=${month}`} download>
          {t('accBilling.download')}
        </a>
      </div>

      <Section id="billing-overview" title={t('accBilling.overview')}>
        {overview.isPending ? (
          <Loading />
        ) : overview.isError ? (
          <ErrorAlert message={errorMessage(overview.error, t)} />
        ) : (
          <DataTable
            caption={t('accBilling.overview')}
            captionHidden
            rows={overview.data.items}
            rowKey={(r) => r.operatorId}
            empty={t('accBilling.noOperators')}
            columns={[
              {
                key: 'operator',
                header: t('accBilling.operator'),
                rowHeader: true,
                cell: (r) => (
                  <Button variant="tertiary" onClick={() => set({ operator: r.operatorId, invoice: null })}>
                    {r.operatorName}
                  </Button>
                ),
              },
              { key: 'persons', header: t('accBilling.persons'), numeric: true, cell: (r) => String(r.persons) },
              { key: 'nights', header: t('accBilling.nights'), numeric: true, cell: (r) => String(r.nights) },
              {
                key: 'computed',
                header: t('accBilling.computed'),
                numeric: true,
                cell: (r) =>
                  formatEuro(r.computedCents) + (r.nightsWithoutRate ? ` (${r.nightsWithoutRate} ${t('accBilling.withoutRate')})` : ''),
              },
              {
                key: 'invoices',
                header: t('accBilling.invoices'),
                cell: (r) => r.invoices.map((i) => `${i.invoiceNo} (${t(`accBilling.states.${i.state}`)})`).join(', ') || '–',
              },
            ]}
          />
        )}
      </Section>

      {operatorId && detail.isError && <ErrorAlert message={errorMessage(detail.error, t)} />}
      {operatorId && detail.data && (
        <Section
          id="billing-operator"
          title={`${detail.data.operatorName} – ${t('accBilling.computed')}: ${formatEuro(detail.data.computedCents)}`}
        >
          <DataTable
            caption={detail.data.operatorName}
            captionHidden
            rows={detail.data.stays}
            rowKey={(r) => r.stayId}
            empty={t('accBilling.noStays')}
            columns={[
              { key: 'person', header: t('accBilling.person'), rowHeader: true, cell: (r) => r.person },
              { key: 'reference', header: t('accBilling.reference'), cell: (r) => r.reference },
              { key: 'facility', header: t('accBilling.facility'), cell: (r) => r.facilityName },
              {
                key: 'segments',
                header: t('accBilling.segments'),
                cell: (r) =>
                  r.segments
                    .map(
                      (s) =>
                        t('accBilling.segment', {
                          from: formatDate(s.firstNight),
                          to: formatDate(s.lastNight),
                          nights: s.nights,
                          rate: s.centsPerNight === null ? t('accBilling.noRate') : formatEuro(s.centsPerNight),
                        }) + (s.billed ? ` (${t('accBilling.billed')})` : ''),
                    )
                    .join('; '),
              },
              { key: 'nights', header: t('accBilling.nights'), numeric: true, cell: (r) => String(r.nights) },
              { key: 'amount', header: t('accBilling.amount'), numeric: true, cell: (r) => formatEuro(r.cents) },
            ]}
          />
          <h3 className="kern-heading-small">{t('accBilling.invoices')}</h3>
          <DataTable
            caption={t('accBilling.invoices')}
            captionHidden
            rows={detail.data.invoices}
            rowKey={(r) => r.id}
            empty={t('accBilling.noInvoices')}
            columns={[
              {
                key: 'no',
                header: t('accBilling.invoiceNo'),
                rowHeader: true,
                cell: (r) => (
                  <Button variant="tertiary" onClick={() => set({ invoice: r.id })}>
                    {r.invoiceNo}
                  </Button>
                ),
              },
              { key: 'state', header: t('accBilling.state'), cell: (r) => t(`accBilling.states.${r.state}`) },
              { key: 'total', header: t('accBilling.total'), numeric: true, cell: (r) => formatEuro(r.totalCents) },
            ]}
          />
          {write && <BillingImport operatorId={operatorId} month={month} onImported={(id) => set({ invoice: id })} />}
        </Section>
      )}
      {invoiceId && <BillingInvoice id={invoiceId} write={write} />}
    </>
  );
}
