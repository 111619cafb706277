import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Button, ButtonLink } from '../components/Button';
import { AftercareDialog } from './AftercareDialog';
import { useCarrierWorkers, type AftercareCase } from './queries';
import { CASE_ACTIONS, caseStepSpec, SECONDARY, type CaseAction } from './steps';

interface Props {
  c: AftercareCase;
  notify: (message: string) => void;
}

/** One button per step on the case the user may take now (the server's `actions`), each opening its form. */
export function CaseActions({ c, notify }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const workers = useCarrierWorkers(c.id, open === 'assign');
  // The picker waits for the carrier's workers; if they cannot be loaded it still offers the current one and "nobody".
  const waiting = open === 'assign' && workers.isPending && !workers.isError;
  const actions = CASE_ACTIONS.filter((a) => c.actions.includes(a));
  const visit = c.actions.includes('documentVisit');
  if (actions.length === 0 && !visit) return <p className="kern-body">{t('aftercare.case.noActions')}</p>;
  return (
    <>
      <div className="sus-actions sus-actions--top">
        {visit && (
          <ButtonLink to={`/aftercare/cases/${c.id}/visit`} icon="add">
            {t('aftercare.action.documentVisit')}
          </ButtonLink>
        )}
        {actions.map((a) => (
          <Button key={a} variant={SECONDARY.includes(a) ? 'secondary' : 'primary'} onClick={() => setOpen(a)}>
            {t(`aftercare.action.${a}`)}
          </Button>
        ))}
      </div>
      {open && !waiting && (
        <AftercareDialog
          key={open}
          formId={`aftercare-${open}`}
          title={t(`aftercare.action.${open}`)}
          intro={t(`aftercare.intro.${open}`)}
          step={caseStepSpec(open, c, t, me, workers.data?.items)}
          extra={{ version: c.version }}
          submitLabel={t(`aftercare.action.${open}`)}
          onClose={() => setOpen(null)}
          onDone={() => {
            notify(t(`aftercare.done.${open}`));
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
