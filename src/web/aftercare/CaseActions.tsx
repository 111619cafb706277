import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Button, ButtonLink } from '../components/Button';
import { AftercareDialog } from './AftercareDialog';
import type { AftercareCase } from './queries';
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
      {open && (
        <AftercareDialog
          key={open}
          formId={`aftercare-${open}`}
          title={t(`aftercare.action.${open}`)}
          intro={t(`aftercare.intro.${open}`)}
          step={caseStepSpec(open, c, t, me)}
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
