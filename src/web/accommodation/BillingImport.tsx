import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { TextField } from '../components/Field';
import { errorMessage } from '../i18n/errors';

/** Reads an operator's invoice from a CSV or XLSX file; bad rows are listed with line and column as the server names them. */
export function BillingImport({ operatorId, month, onImported }: { operatorId: string; month: string; onImported: (id: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [invoiceNo, setInvoiceNo] = useState('');
  const [receivedOn, setReceivedOn] = useState(new Date().toISOString().slice(0, 10));
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const body = new FormData();
      body.append('file', file!, file!.name);
      return ok(
        api.POST('/accommodation/billing/invoices/import', {
          params: { query: { operatorId, month, invoiceNo, receivedOn } },
          body: body as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    },
    onSuccess: async (inv) => {
      await qc.invalidateQueries({ queryKey: ['accommodation', 'billing'] });
      onImported(inv.id);
    },
  });
  const problems = run.error instanceof ApiError ? (run.error.problem.errors ?? []) : [];
  const at = (field: string) => problems.find((p) => p.field === field)?.message;
  const rows = problems.filter((p) => p.field.startsWith('file'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="billing-import-title">
      <h3 id="billing-import-title" className="kern-heading-small">
        {t('accBilling.import')}
      </h3>
      {run.isSuccess && <Alert variant="success">{t('accBilling.imported', { no: run.data.invoiceNo })}</Alert>}
      {run.isError && (
        <ErrorAlert message={errorMessage(run.error, t)}>
          {rows.length > 0 && (
            <ul>
              {rows.map((r) => (
                <li key={r.field}>{r.message}</li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      <TextField
        id="billing-import-no"
        label={t('accBilling.invoiceNo')}
        value={invoiceNo}
        error={at('invoiceNo')}
        onChange={(e) => setInvoiceNo(e.target.value)}
      />
      <TextField
        id="billing-import-received"
        label={t('accBilling.receivedOn')}
        type="date"
        className="field--narrow"
        value={receivedOn}
        error={at('receivedOn')}
        onChange={(e) => setReceivedOn(e.target.value)}
      />
      <TextField
        id="billing-import-file"
        label={t('accBilling.file')}
        hint={t('accBilling.importHint')}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={!file || run.isPending}>
          <span className="kern-label">{t('accBilling.importSubmit')}</span>
        </button>
      </div>
    </form>
  );
}
