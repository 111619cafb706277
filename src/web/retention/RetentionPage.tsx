import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Modal } from '../components/Modal';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useFormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { useRetentionReviews, type ReviewStatus } from './queries';

type Review = NonNullable<ReturnType<typeof useRetentionReviews>['data']>[number];
const FORM = 'retention-decision';

/** The lead's list of households whose retention period ran out: confirm the anonymisation or keep them with a reason. */
export function RetentionPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReviewStatus>('due');
  const reviews = useRetentionReviews(status);
  const [deciding, setDeciding] = useState<{ review: Review; decision: 'anonymise' | 'keep' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('retention.title')}>{t('retention.title')}</PageHeading>
      <p className="kern-body">{t('retention.intro')}</p>
      <SelectField
        id="retention-status"
        label={t('retention.show')}
        value={status}
        onChange={(e) => (setNotice(null), setStatus(e.target.value as ReviewStatus))}
        options={(['due', 'anonymised', 'kept'] as const).map((s) => ({ value: s, label: t(`retention.status.${s}`) }))}
      />
      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <ErrorAlert message={errorMessage(reviews.error, t)} />
      ) : (
        <DataTable<Review>
          caption={t('retention.title')}
          captionHidden
          rows={reviews.data}
          rowKey={(r) => r.id}
          empty={t('retention.empty')}
          columns={[
            {
              key: 'household',
              header: t('retention.col.household'),
              rowHeader: true,
              cell: (r) => (
                <Link className="kern-link" to={`/households/${r.householdId}`}>
                  {r.reference} · {r.headName}
                </Link>
              ),
            },
            { key: 'closed', header: t('retention.col.closedOn'), cell: (r) => formatDate(r.closedOn) },
            { key: 'due', header: t('retention.col.dueOn'), cell: (r) => formatDate(r.dueOn) },
            {
              key: 'programmes',
              header: t('retention.col.programmes'),
              cell: (r) => r.programmes.map((p) => t(`retention.programme.${p}`)).join(', '),
            },
            {
              key: 'decision',
              header: t('retention.col.decision'),
              cell: (r) =>
                r.status === 'due' ? (
                  <span className="button-row">
                    <Button variant="primary" onClick={() => setDeciding({ review: r, decision: 'anonymise' })}>
                      {t('retention.anonymise')}
                    </Button>
                    <Button variant="secondary" onClick={() => setDeciding({ review: r, decision: 'keep' })}>
                      {t('retention.keep')}
                    </Button>
                  </span>
                ) : r.status === 'kept' ? (
                  t('retention.keptUntil', { date: formatDate(r.keepUntil), reason: r.keepReason })
                ) : (
                  t('retention.status.anonymised')
                ),
            },
          ]}
        />
      )}
      <Modal
        isOpen={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding
            ? t(deciding.decision === 'anonymise' ? 'retention.confirmTitle' : 'retention.keepTitle', {
                reference: deciding.review.reference,
              })
            : ''
        }
      >
        {deciding && (
          <DecisionForm
            review={deciding.review}
            decision={deciding.decision}
            onCancel={() => setDeciding(null)}
            onDone={() => {
              setNotice(t(deciding.decision === 'anonymise' ? 'retention.anonymised' : 'retention.kept'));
              setDeciding(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function DecisionForm({
  review,
  decision,
  onCancel,
  onDone,
}: {
  review: Review;
  decision: 'anonymise' | 'keep';
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [reason, setReason] = useState('');
  const [keepUntil, setKeepUntil] = useState('');
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/retention/reviews/{id}/decision', {
          params: { path: { id: review.id } },
          body: decision === 'anonymise' ? { decision } : { decision, reason, keepUntil },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['retention'] });
      onDone();
    },
    onError: (err) => errors.showError(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    save.mutate();
  };
  const labelFor = (f: string) => (f === 'keepUntil' ? t('retention.keepUntil') : t('retention.keepReason'));
  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor} />
      {decision === 'anonymise' ? (
        <p className="kern-body">{t('retention.confirmText')}</p>
      ) : (
        <>
          <TextAreaField
            id={fieldId(FORM, 'reason')}
            label={t('retention.keepReason')}
            rows={3}
            maxLength={1000}
            value={reason}
            error={errors.error('reason')}
            onChange={(e) => setReason(e.target.value)}
          />
          <TextField
            id={fieldId(FORM, 'keepUntil')}
            label={t('retention.keepUntil')}
            type="date"
            value={keepUntil}
            error={errors.error('keepUntil')}
            onChange={(e) => setKeepUntil(e.target.value)}
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">
            {save.isPending ? t('common.saving') : decision === 'anonymise' ? t('retention.confirm') : t('retention.keepSave')}
          </span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
