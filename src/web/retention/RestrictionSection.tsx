import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RESTRICTION_REASONS } from '../../contracts/retention';
import { api, ok } from '../api';
import { useMe } from '../auth/session';
import { can } from '../auth/can';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField } from '../components/Field';
import { Modal } from '../components/Modal';
import { Section } from '../components/Section';
import { DescriptionList } from '../components/DescriptionList';
import { formatDateTime } from '../i18n/format';
import { useFormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { retentionKeys, useRestriction } from './queries';

const FORM = 'restriction';

/** The household's restriction of processing: state, and for the lead and case managers restrict or lift (dialog). */
export function RestrictionSection({ householdId }: { householdId: string }) {
  const me = useMe();
  const { t } = useTranslation();
  const state = useRestriction(householdId, can(me, 'restriction.read'));
  const [dialog, setDialog] = useState<'restrict' | 'lift' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!can(me, 'restriction.read') || !state.data) return null;
  const active = state.data.active;
  const canWrite = can(me, 'restriction.write');

  return (
    <Section
      id="restriction"
      title={t('restriction.title')}
      actions={
        canWrite ? (
          <Button variant="secondary" onClick={() => (setNotice(null), setDialog(active ? 'lift' : 'restrict'))}>
            {active ? t('restriction.lift') : t('restriction.restrict')}
          </Button>
        ) : null
      }
    >
      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {active ? (
        <DescriptionList
          items={[
            { key: 'reason', label: t('restriction.reasonLabel'), value: t(`restriction.reason.${active.reason}`) },
            { key: 'since', label: t('restriction.since'), value: formatDateTime(active.restrictedAt) },
            { key: 'by', label: t('restriction.by'), value: active.restrictedBy ?? '' },
            ...(active.note ? [{ key: 'note', label: t('restriction.note'), value: active.note }] : []),
          ]}
        />
      ) : (
        <p className="kern-body">{t('restriction.none')}</p>
      )}
      <Modal
        isOpen={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'lift' ? t('restriction.liftTitle') : t('restriction.dialogTitle')}
      >
        {dialog && (
          <RestrictionForm
            householdId={householdId}
            lift={dialog === 'lift'}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setNotice(dialog === 'lift' ? t('restriction.lifted') : t('restriction.restricted'));
              setDialog(null);
            }}
          />
        )}
      </Modal>
    </Section>
  );
}

function RestrictionForm({
  householdId,
  lift,
  onCancel,
  onDone,
}: {
  householdId: string;
  lift: boolean;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [reason, setReason] = useState<(typeof RESTRICTION_REASONS)[number]>('accuracy_contested');
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: () =>
      lift
        ? ok(api.POST('/households/{id}/restriction/lift', { params: { path: { id: householdId } }, body: { note } }))
        : ok(
            api.POST('/households/{id}/restriction', {
              params: { path: { id: householdId } },
              body: { reason, note: note.trim() === '' ? null : note },
            }),
          ),
    onSuccess: (data) => {
      queryClient.setQueryData(retentionKeys.restriction(householdId), data);
      onDone();
    },
    onError: (err) => errors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    save.mutate();
  };
  const labelFor = (f: string) =>
    f === 'reason' ? t('restriction.reasonLabel') : lift ? t('restriction.liftNote') : t('restriction.note');

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={labelFor} />
      {!lift && <p className="kern-body">{t('restriction.dialogText')}</p>}
      {!lift && (
        <SelectField
          id={fieldId(FORM, 'reason')}
          label={t('restriction.reasonLabel')}
          value={reason}
          error={errors.error('reason')}
          options={RESTRICTION_REASONS.map((r) => ({ value: r, label: t(`restriction.reason.${r}`) }))}
          onChange={(e) => setReason(e.target.value as (typeof RESTRICTION_REASONS)[number])}
        />
      )}
      <TextAreaField
        id={fieldId(FORM, 'note')}
        label={labelFor('note')}
        optional={!lift}
        rows={3}
        maxLength={1000}
        value={note}
        error={errors.error('note')}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">
            {save.isPending ? t('common.saving') : lift ? t('restriction.liftSave') : t('restriction.save')}
          </span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
