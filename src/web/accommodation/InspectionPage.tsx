import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  ZCompleteInput,
  ZInspectionCancelInput,
  ZInspectionVersionInput,
  ZRemedyInput,
  ZResultInput,
} from '../../contracts/accommodationInspections';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { AccDialog, type AccStep } from './AccDialog';
import { cancelFields, completeFields, remedyFields, resultFields } from './inspections.fields';
import { inspectionBase, uploadInspectionPhoto, useInspection, type InspectionDetail } from './inspections.queries';
import { useRefreshAccommodation } from './queries';

type Item = InspectionDetail['items'][number];

/** Carrying out an inspection: item by item passed / failed / not applicable with note and photos, findings, the report. */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const q = useInspection(id);
  const refresh = useRefreshAccommodation();
  const [open, setOpen] = useState<{ key: string; title: string; step: AccStep; extra?: Record<string, unknown> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ resultId, file }: { resultId: string; file: File }) => uploadInspectionPhoto(id, resultId, file),
    onSuccess: async () => {
      await refresh();
      setNotice(t('inspections.photoAdded'));
    },
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert message={errorMessage(q.error, t)} />;
  const i = q.data;
  const can_ = (a: string) => i.actions.includes(a);
  const today = todayInBerlin();
  const done = i.items.filter((x) => x.result !== null).length;
  const critical = i.items.some((x) => x.result === 'failed' && x.severity === 'critical');
  const title = t('inspections.pageTitle', { facility: i.facilityName, date: formatDate(i.plannedOn) });
  const versionStep = (run: (body: never) => Promise<unknown>): AccStep => ({ schema: ZInspectionVersionInput, fields: [], run });
  const record = (x: Item) =>
    setOpen({
      key: `acc-item-${x.key}`,
      title: t('inspections.recordTitle', { title: x.title }),
      step: {
        schema: ZResultInput,
        fields: resultFields(t, x),
        mapBody: (b) => (b.result === 'failed' ? b : { ...b, severity: null, remedyDue: null }),
        run: (body) => ok(api.PUT('/accommodation/inspections/{id}/items/{subId}', { params: { path: { id, subId: x.resultId! } }, body })),
      },
    });

  return (
    <>
      <PageHeading
        title={title}
        actions={
          <>
            <a className="kern-btn kern-btn--secondary" href={`${inspectionBase(id)}/report.pdf`} download>
              {t('inspections.report')}
            </a>
            {can_('cancel') && (
              <Button
                variant="secondary"
                onClick={() =>
                  setOpen({
                    key: 'acc-inspection-cancel',
                    title: t('inspections.cancel'),
                    step: {
                      schema: ZInspectionCancelInput,
                      fields: cancelFields(t),
                      run: (body) => ok(api.POST('/accommodation/inspections/{id}/cancel', { params: { path: { id } }, body })),
                    },
                    extra: { version: i.version },
                  })
                }
              >
                {t('inspections.cancel')}
              </Button>
            )}
            {can_('start') && (
              <Button
                onClick={() =>
                  setOpen({
                    key: 'acc-inspection-start',
                    title: t('inspections.start'),
                    step: versionStep((body) => ok(api.POST('/accommodation/inspections/{id}/start', { params: { path: { id } }, body }))),
                    extra: { version: i.version },
                  })
                }
              >
                {t('inspections.start')}
              </Button>
            )}
            {can_('complete') && (
              <Button
                onClick={() =>
                  setOpen({
                    key: 'acc-inspection-complete',
                    title: t('inspections.complete'),
                    step: {
                      schema: ZCompleteInput,
                      fields: completeFields(t, critical),
                      run: (body) => ok(api.POST('/accommodation/inspections/{id}/complete', { params: { path: { id } }, body })),
                    },
                    extra: { version: i.version },
                  })
                }
              >
                {t('inspections.complete')}
              </Button>
            )}
          </>
        }
      >
        {title}
      </PageHeading>
      {notice && (
        <p className="kern-body" role="status">
          {notice}
        </p>
      )}
      {upload.isError && <ErrorAlert message={errorMessage(upload.error, t)} />}
      <DescriptionList
        items={[
          { key: 'kind', label: t('inspections.col.kind'), value: t(`inspections.kind.${i.kind}`) },
          { key: 'state', label: t('inspections.col.state'), value: t(`inspections.state.${i.state}`) },
          { key: 'inspector', label: t('inspections.col.inspector'), value: i.inspector ?? '–' },
          {
            key: 'version',
            label: t('inspections.checklist.title'),
            value: t('inspections.checklistVersion', { version: i.checklistVersion }),
          },
          ...(i.reason ? [{ key: 'reason', label: t('inspections.field.reason'), value: i.reason }] : []),
          ...(i.summary ? [{ key: 'summary', label: t('inspections.field.summary'), value: i.summary }] : []),
          ...(i.cancelReason ? [{ key: 'cancel', label: t('inspections.field.cancelReason'), value: i.cancelReason }] : []),
        ]}
      />
      <Section id="acc-inspection-items" title={t('inspections.items')}>
        {i.state === 'in_progress' && <p className="kern-body">{t('inspections.progress', { done, total: i.items.length })}</p>}
        <DataTable
          caption={t('inspections.items')}
          captionHidden
          rows={i.items}
          rowKey={(r) => r.id}
          empty="–"
          columns={[
            {
              key: 'item',
              header: t('inspections.col.item'),
              rowHeader: true,
              cell: (r) => (
                <>
                  <strong>{r.title}</strong>
                  <br />
                  <span className="kern-body--small">{[r.category, r.norm].filter(Boolean).join(' · ')}</span>
                </>
              ),
            },
            {
              key: 'result',
              header: t('inspections.col.result'),
              cell: (r) =>
                r.result
                  ? `${t(`inspections.result.${r.result}`)}${r.severity ? ` (${t(`inspections.severity.${r.severity}`)}, ${formatDate(r.remedyDue)})` : ''}`
                  : t('inspections.open'),
            },
            { key: 'note', header: t('inspections.col.note'), cell: (r) => r.note ?? '–' },
            {
              key: 'photos',
              header: t('inspections.col.photos'),
              cell: (r) => (
                <div className="ac-links">
                  {r.photos.map((p, n) => (
                    <a key={p.id} className="kern-link" href={`${inspectionBase(id)}/photos/${p.id}`} download={p.filename}>
                      {t('inspections.photoLink', { n: n + 1 })}
                    </a>
                  ))}
                  {can_('photo') && r.resultId && (
                    <label className="kern-btn kern-btn--tertiary">
                      <span className="kern-label">{t('inspections.photo')}</span>
                      <input
                        type="file"
                        className="visually-hidden"
                        accept="image/png,image/jpeg"
                        aria-label={t('inspections.photoFor', { title: r.title })}
                        onChange={(e: ChangeEvent<HTMLInputElement>) => {
                          const file = e.target.files?.[0];
                          if (file) upload.mutate({ resultId: r.resultId!, file });
                          e.target.value = '';
                        }}
                      />
                    </label>
                  )}
                </div>
              ),
            },
            ...(can_('record')
              ? [
                  {
                    key: 'act',
                    header: t('common.actions'),
                    cell: (r: Item) => (
                      <Button variant="secondary" aria-label={t('inspections.recordTitle', { title: r.title })} onClick={() => record(r)}>
                        {t('inspections.record')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section id="acc-inspection-findings" title={t('inspections.findings')}>
        <DataTable
          caption={t('inspections.findings')}
          captionHidden
          rows={i.findings}
          rowKey={(r) => r.id}
          empty={t('inspections.noOpenFindings')}
          columns={[
            {
              key: 'finding',
              header: t('inspections.col.finding'),
              rowHeader: true,
              cell: (r) => `${r.title}${r.note ? `: ${r.note}` : ''}`,
            },
            { key: 'severity', header: t('inspections.col.severity'), cell: (r) => t(`inspections.severity.${r.severity}`) },
            { key: 'due', header: t('inspections.col.due'), cell: (r) => formatDate(r.remedyDue) },
            {
              key: 'state',
              header: t('inspections.col.state'),
              cell: (r) =>
                r.state === 'open' ? t('inspections.findingState.open') : t('inspections.closedOn', { date: formatDate(r.closedOn) }),
            },
            ...(can(me, 'accommodation.inspect')
              ? [
                  {
                    key: 'act',
                    header: t('common.actions'),
                    cell: (r: InspectionDetail['findings'][number]) =>
                      r.state === 'open' ? (
                        <Button
                          variant="secondary"
                          aria-label={t('inspections.remedyTitle', { title: r.title })}
                          onClick={() =>
                            setOpen({
                              key: 'acc-finding-remedy',
                              title: t('inspections.remedyTitle', { title: r.title }),
                              step: {
                                schema: ZRemedyInput,
                                fields: remedyFields(t, today),
                                run: (body) =>
                                  ok(api.POST('/accommodation/findings/{id}/remedy', { params: { path: { id: r.id } }, body })),
                              },
                            })
                          }
                        >
                          {t('inspections.remedy')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <ButtonLink to={`/accommodation/facilities/${i.facilityId}`} variant="secondary">
        {t('inspections.backToFacility')}
      </ButtonLink>
      {open && (
        <AccDialog
          formId={open.key}
          title={open.title}
          intro={open.key === 'acc-inspection-complete' && critical ? t('inspections.blockHint') : undefined}
          submitLabel={t('common.save')}
          extra={open.extra}
          step={open.step}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      )}
    </>
  );
}
