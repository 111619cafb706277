import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextAreaField } from '../components/Field';
import { Modal } from '../components/Modal';
import { householdKeys } from '../households/queries';
import { useFormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import type { Consent } from './consentModel';
import { placementAdminKeys } from './queries';

const FORM = 'withdraw-consent';

/** Confirmation dialog for a withdrawal, with an optional note; open while `consent` is set. */
export function WithdrawConsentDialog({
  householdId,
  consent,
  onClose,
  onWithdrawn,
}: {
  householdId: string;
  consent: Consent | null;
  onClose: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal isOpen={consent !== null} onClose={onClose} title={t('placementAdmin.consent.withdrawTitle')}>
      {consent && (
        <WithdrawForm key={consent.id} householdId={householdId} consent={consent} onCancel={onClose} onWithdrawn={onWithdrawn} />
      )}
    </Modal>
  );
}

function WithdrawForm({
  householdId,
  consent,
  onCancel,
  onWithdrawn,
}: {
  householdId: string;
  consent: Consent;
  onCancel: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const errors = useFormErrors();

  const withdraw = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/households/{id}/consents/{consentId}/withdraw', {
          params: { path: { id: householdId, consentId: consent.id } },
          body: { note: note.trim() === '' ? null : note },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: placementAdminKeys.consents(householdId) });
      void queryClient.invalidateQueries({ queryKey: householdKeys.accessLog(householdId) });
      onWithdrawn();
    },
    onError: (err) => errors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    withdraw.mutate();
  };

  return (
    <form className="stack dialog-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} formId={FORM} labelFor={() => t('placementAdmin.consent.withdrawNote')} />
      <p className="kern-body">{t('placementAdmin.consent.withdrawText', { recipient: consent.recipient.name })}</p>
      <TextAreaField
        id={fieldId(FORM, 'note')}
        label={t('placementAdmin.consent.withdrawNote')}
        optional
        rows={3}
        maxLength={2000}
        value={note}
        error={errors.error('note')}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={withdraw.isPending}>
          <span className="kern-label">{withdraw.isPending ? t('common.saving') : t('placementAdmin.consent.withdrawConfirm')}</span>
        </button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
