import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Button, ButtonLink } from '../components/Button';
import { useOfferPage } from './context';
import { StepError } from '../components/StepFeedback';
import { ReasonDialog } from './ReasonDialog';

/** Offer-level steps in the page heading: edit, submit, withdraw, new shortlist. */
export function OfferActions() {
  const { t } = useTranslation();
  const { offer, notify, refresh } = useOfferPage();
  const [dialog, setDialog] = useState<'withdraw' | 'restart' | null>(null);
  const submit = useMutation({
    mutationFn: () => ok(api.POST('/offers/{id}/submit', { params: { path: { id: offer.id } } })),
    onSuccess: async () => {
      await refresh();
      notify(t('placement.form.submitted'));
    },
  });
  const has = (a: string) => offer.actions.includes(a);

  return (
    <>
      {has('edit') && (
        <ButtonLink to={`/placement/offers/${offer.id}/edit`} icon="edit" variant="secondary">
          {t('placement.detail.actions.edit')}
        </ButtonLink>
      )}
      {has('submit') && (
        <Button onClick={() => submit.mutate()} disabled={submit.isPending}>
          {t('placement.detail.actions.submit')}
        </Button>
      )}
      {has('restart') && (
        <Button variant="secondary" icon="autorenew" onClick={() => setDialog('restart')}>
          {t('placement.detail.actions.restart')}
        </Button>
      )}
      {has('withdraw') && (
        <Button variant="tertiary" icon="close" onClick={() => setDialog('withdraw')}>
          {t('placement.detail.actions.withdraw')}
        </Button>
      )}
      {submit.error ? <StepError error={submit.error} onReload={() => void refresh().then(() => submit.reset())} /> : null}

      <ReasonDialog
        isOpen={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
        formId="offer-withdraw"
        title={t('placement.detail.withdrawTitle')}
        label={t('placement.detail.withdrawReason')}
        submitLabel={t('placement.detail.actions.withdraw')}
        run={(reason) => ok(api.POST('/offers/{id}/withdraw', { params: { path: { id: offer.id } }, body: { reason } }))}
        onDone={() => {
          setDialog(null);
          notify(t('placement.detail.done'));
        }}
      />
      <ReasonDialog
        isOpen={dialog === 'restart'}
        onClose={() => setDialog(null)}
        formId="offer-restart"
        title={t('placement.detail.restartTitle')}
        intro={t('placement.detail.restartIntro')}
        label={t('placement.detail.restartReason')}
        submitLabel={t('placement.detail.actions.restart')}
        run={(reason) => ok(api.POST('/offers/{id}/restart', { params: { path: { id: offer.id } }, body: { reason } }))}
        onDone={() => {
          setDialog(null);
          notify(t('placement.detail.done'));
        }}
      />
    </>
  );
}
