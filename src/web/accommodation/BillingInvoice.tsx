import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatEuro } from '../i18n/format';

const euroOrDash = (c: number | null) => (c === null ? '–' : formatEuro(c));

/** One invoice: its lines, the differences per person and night, and the steps check, approve, dispute. */
export function BillingInvoice({ id, write }: { id: string; write: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const inv = useQuery({
    queryKey: ['accommodation', 'billing', 'invoice', id],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/billing/invoices/{id}', { params: { path: { id } }, signal })),
  });
  const step = useMutation({
    mutationFn: (name: 'check' | 'approve' | 'dispute') => {
      const version = inv.data!.version;
      const path = { id };
      if (name === 'dispute')
        return ok(api.POST('/accommodation/billing/invoices/{id}/dispute', { params: { path }, body: { version, reason } }));
      if (name === 'check') return ok(api.POST('/accommodation/billing/invoices/{id}/check', { params: { path }, body: { version } }));
      return ok(api.POST('/accommodation/billing/invoices/{id}/approve', { params: { path }, body: { version } }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodation', 'billing'] }),
  });
  if (inv.isPending) return <Loading />;
  if (inv.isError) return <ErrorAlert message={errorMessage(inv.error, t)} />;
  const d = inv.data;
  const reasonError = step.error instanceof ApiError ? step.error.problem.errors?.find((e) => e.field === 'reason')?.message : undefined;

  return (
    <Section id="billing-invoice" title={t('accBilling.invoice', { no: d.invoiceNo })}>
      <p className="kern-body">
        {t('accBilling.state')}: <strong>{t(`accBilling.states.${d.state}`)}</strong> · {t('accBilling.total')}: {formatEuro(d.totalCents)}{' '}
        · {t('accBilling.computed')}: {formatEuro(d.computedCents)} · {t('accBilling.receivedOn')}: {formatDate(d.receivedOn)}
      </p>
      {d.disputeReason && <Alert variant="warning">{t('accBilling.disputed', { reason: d.disputeReason })}</Alert>}
      {step.isSuccess && <Alert variant="success">{t('accBilling.done')}</Alert>}
      {step.isError && !reasonError && <ErrorAlert message={errorMessage(step.error, t)} />}
      <h3 className="kern-heading-small">{t('accBilling.differences')}</h3>
      {d.differences.length === 0 ? (
        <p className="kern-body">{t('accBilling.noDifferences')}</p>
      ) : (
        <DataTable
          caption={t('accBilling.differences')}
          captionHidden
          rows={d.differences}
          rowKey={(r) => `${r.memberId}/${r.night}/${r.kind}`}
          empty={t('accBilling.noDifferences')}
          columns={[
            { key: 'person', header: t('accBilling.person'), rowHeader: true, cell: (r) => `${r.person} (${r.reference})` },
            { key: 'night', header: t('accBilling.night'), cell: (r) => formatDate(r.night) },
            { key: 'kind', header: t('accBilling.kind'), cell: (r) => t(`accBilling.kinds.${r.kind}`) },
            { key: 'invoiced', header: t('accBilling.invoiced'), numeric: true, cell: (r) => euroOrDash(r.invoicedCents) },
            { key: 'computed', header: t('accBilling.computed'), numeric: true, cell: (r) => euroOrDash(r.computedCents) },
          ]}
        />
      )}
      <h3 className="kern-heading-small">{t('accBilling.lines')}</h3>
      <DataTable
        caption={t('accBilling.lines')}
        captionHidden
        rows={d.lines}
        rowKey={(r) => String(r.lineNo)}
        empty="–"
        columns={[
          { key: 'person', header: t('accBilling.person'), rowHeader: true, cell: (r) => `${r.person} (${r.reference})` },
          { key: 'from', header: t('accBilling.from'), cell: (r) => formatDate(r.firstNight) },
          { key: 'to', header: t('accBilling.to'), cell: (r) => formatDate(r.lastNight) },
          { key: 'nights', header: t('accBilling.nights'), numeric: true, cell: (r) => String(r.nights) },
          { key: 'amount', header: t('accBilling.amount'), numeric: true, cell: (r) => formatEuro(r.amountCents) },
        ]}
      />
      {write && (d.state === 'received' || d.state === 'checked') && (
        <div className="stack">
          <div className="form-actions">
            {d.state === 'received' && (
              <Button onClick={() => step.mutate('check')} disabled={step.isPending}>
                {t('accBilling.check')}
              </Button>
            )}
            {d.state === 'checked' && (
              <Button onClick={() => step.mutate('approve')} disabled={step.isPending}>
                {t('accBilling.approve')}
              </Button>
            )}
          </div>
          <TextField
            id="billing-dispute-reason"
            label={t('accBilling.disputeReason')}
            value={reason}
            error={reasonError}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <Button variant="secondary" onClick={() => step.mutate('dispute')} disabled={step.isPending}>
              {t('accBilling.dispute')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
