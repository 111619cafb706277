import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, idempotent, ok } from '../api';
import { Button, ButtonLink } from '../components/Button';
import type { Incident, TenancyDetail } from './queries';
import { StepDialog } from './StepDialog';
import { CREATING, TENANCY_ACTIONS, tenancyStepSpec, type TenancyAction } from './tenancySteps';

const ICON: Partial<Record<TenancyAction, string>> = { reportRentDefault: 'add', reportConflict: 'add' };

/** The tenancy's actions the user may take now (the server's `actions`): edit, report, recovery, review, end. */
export function TenancyActions({
  tenancy,
  notify,
  only,
}: {
  tenancy: TenancyDetail;
  notify: (m: string) => void;
  only?: readonly TenancyAction[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<TenancyAction | null>(null);
  const list = (only ?? TENANCY_ACTIONS).filter((a) => tenancy.actions.includes(a));
  const spec = open ? tenancyStepSpec(open, tenancy, t) : null;
  // The body was checked with the step's contract schema (spec.schema) by the step form.
  const run = (body: Record<string, unknown>, key: string) => {
    if (!open || !spec) return Promise.resolve(null);
    const init = { params: { path: { id: tenancy.id } } };
    if (!CREATING.includes(open))
      return ok(api.POST(`/tenancies/{id}/${spec.path}`, { ...init, body: { ...body, version: tenancy.version } as never }));
    return ok(api.POST(`/tenancies/{id}/${spec.path}`, { ...init, body: body as never, headers: idempotent(key) }));
  };

  return (
    <>
      {(!only || only.includes('end')) && tenancy.actions.includes('update') && (
        <ButtonLink to={`/sustainment/tenancies/${tenancy.id}/edit`} icon="edit" variant="secondary">
          {t('sustainment.tenancyAction.update')}
        </ButtonLink>
      )}
      {list.map((a) => (
        <Button
          key={a}
          variant={a === 'end' ? 'tertiary' : a.startsWith('report') ? 'primary' : 'secondary'}
          icon={ICON[a]}
          onClick={() => setOpen(a)}
        >
          {t(`sustainment.tenancyAction.${a}`)}
        </Button>
      ))}
      {open && spec && (
        <StepDialog
          key={open}
          formId={`tenancy-${open}`}
          title={t(`sustainment.tenancyAction.${open}`)}
          intro={t(`sustainment.tenancyIntro.${open}`)}
          fields={spec.fields}
          schema={spec.schema}
          extra={spec.extra}
          submitLabel={t(`sustainment.tenancyAction.${open}`)}
          run={run}
          onClose={() => setOpen(null)}
          onDone={(result) => {
            const action = open;
            setOpen(null);
            if (action === 'reportRentDefault' || action === 'reportConflict') {
              void navigate(`/sustainment/incidents/${(result as Incident).id}`, { state: { flash: 'reported' } });
            } else notify(t(`sustainment.tenancyDone.${action}`));
          }}
        />
      )}
    </>
  );
}
