import { useState, type ChangeEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ZAgreementInput, ZAgreementUpdate } from '../../contracts/aftercare';
import { api, ifMatch, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import type { FieldSpec } from '../sustainment/stepForm';
import { AftercareDialog, type AftercareStep } from './AftercareDialog';
import { agreementDocumentUrl, useAgreements, useRefreshAftercare, type Agreement } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

const a = (t: TFunction, k: string) => t(`aftercare.agreements.${k}` as never);

function agreementFields(t: TFunction, x?: Agreement): FieldSpec[] {
  return [
    { name: 'validFrom', type: 'date', label: a(t, 'validFrom'), initial: x?.validFrom ?? '' },
    { name: 'validTo', type: 'date', label: a(t, 'validTo'), optional: true, hint: a(t, 'validToHint'), initial: x?.validTo ?? '' },
    { name: 'capacityCases', type: 'text', numeric: true, label: a(t, 'capacity'), initial: x ? String(x.capacityCases) : '' },
    { name: 'visitEveryWeeks', type: 'text', numeric: true, label: a(t, 'visitEveryWeeks'), initial: x ? String(x.visitEveryWeeks) : '4' },
    { name: 'reportingDuties', type: 'textarea', label: a(t, 'reportingDuties'), initial: x?.reportingDuties ?? '' },
    { name: 'note', type: 'textarea', label: a(t, 'note'), optional: true, initial: x?.note ?? '' },
  ];
}

/** /aftercare/agreements – the cooperation agreements with the NGO carriers; leads and case managers record and change them. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = can(me, 'aftercare.agreement.manage');
  const list = useAgreements();
  const carriers = useQuery({
    queryKey: ['carriers'],
    queryFn: ({ signal }) => ok(api.GET('/carriers', { signal })),
    enabled: manage && can(me, 'carrier.list'),
  });
  const refresh = useRefreshAftercare();
  const [open, setOpen] = useState<{ id: string; title: string; step: AftercareStep; extra?: Record<string, unknown> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return ok(
        api.POST('/aftercare/agreements/{id}/documents', {
          params: { path: { id } },
          body: body as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    },
    onSuccess: async () => {
      await refresh();
      setNotice(a(t, 'uploaded'));
    },
  });
  const title = a(t, 'title');
  const carrierOptions = (carriers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const create = () =>
    setOpen({
      id: 'new',
      title: a(t, 'new'),
      step: {
        schema: ZAgreementInput,
        fields: [{ name: 'carrierId', type: 'select', label: a(t, 'carrier'), options: carrierOptions }, ...agreementFields(t)],
        run: (body) => ok(api.POST('/aftercare/agreements', { body })),
      },
    });
  const edit = (x: Agreement) =>
    setOpen({
      id: x.id,
      title: `${a(t, 'edit')}: ${x.carrier.name}`,
      extra: { version: x.version },
      step: {
        schema: ZAgreementUpdate,
        fields: agreementFields(t, x),
        mapBody: (b) => ({ ...b, validTo: b.validTo ?? null, note: b.note ?? null }),
        run: (body: { version: number }) =>
          ok(
            api.PUT('/aftercare/agreements/{id}', { params: { path: { id: x.id } }, body: body as never, headers: ifMatch(body.version) }),
          ),
      },
    });

  return (
    <>
      <PageHeading
        title={title}
        actions={
          manage && (
            <Button icon="add" onClick={create} disabled={!carriers.data}>
              {a(t, 'new')}
            </Button>
          )
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{a(t, 'intro')}</p>
      {manage && carriers.data && carrierOptions.length === 0 && (
        <Alert variant="info">
          <p className="kern-body">{a(t, 'noCarriers')}</p>
        </Alert>
      )}
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
        {upload.error && <ErrorAlert message={errorMessage(upload.error, t)} />}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : (
        <DataTable
          caption={a(t, 'caption')}
          captionHidden
          rows={list.data.items}
          rowKey={(r) => r.id}
          empty={a(t, 'empty')}
          columns={[
            { key: 'carrier', header: a(t, 'carrier'), rowHeader: true, cell: (r) => r.carrier.name },
            {
              key: 'valid',
              header: `${a(t, 'validFrom')} – ${a(t, 'validTo')}`,
              cell: (r) => (
                <span className="sus-nowrap">{`${formatDate(r.validFrom)} – ${r.validTo ? formatDate(r.validTo) : a(t, 'open')}`}</span>
              ),
            },
            {
              key: 'load',
              header: a(t, 'load'),
              numeric: true,
              cell: (r) => t('aftercare.agreements.loadValue', { active: r.activeCases, capacity: r.capacityCases }),
            },
            {
              key: 'rhythm',
              header: t('aftercare.case.rhythm'),
              cell: (r) => t('aftercare.case.everyWeeks', { count: r.visitEveryWeeks }),
            },
            { key: 'duties', header: a(t, 'reportingDuties'), cell: (r) => <span className="preline">{r.reportingDuties}</span> },
            {
              key: 'docs',
              header: a(t, 'documents'),
              cell: (r) =>
                r.documents.length ? (
                  <ul className="plain-list">
                    {r.documents.map((d) => (
                      <li key={d.id}>
                        <a className="kern-link" href={agreementDocumentUrl(r.id, d.id)}>
                          {d.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  a(t, 'noDocuments')
                ),
            },
            ...(manage
              ? [
                  {
                    key: 'act',
                    header: t('common.actions'),
                    cell: (r: Agreement) => (
                      <div className="ac-links">
                        <Button variant="secondary" aria-label={`${a(t, 'edit')}: ${r.carrier.name}`} onClick={() => edit(r)}>
                          {t('common.edit')}
                        </Button>
                        <label className="kern-btn kern-btn--tertiary">
                          <span className="kern-label">{a(t, 'upload')}</span>
                          <input
                            type="file"
                            className="visually-hidden"
                            accept="application/pdf,image/png,image/jpeg"
                            aria-label={`${a(t, 'upload')}: ${r.carrier.name}`}
                            onChange={(e: ChangeEvent<HTMLInputElement>) => {
                              const file = e.target.files?.[0];
                              if (file) upload.mutate({ id: r.id, file });
                              e.target.value = '';
                            }}
                          />
                        </label>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {open && (
        <AftercareDialog
          key={open.id}
          formId={`agreement-${open.id}`}
          title={open.title}
          step={open.step}
          extra={open.extra}
          submitLabel={t('common.save')}
          onClose={() => setOpen(null)}
          onDone={() => {
            setNotice(t('common.saved'));
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
