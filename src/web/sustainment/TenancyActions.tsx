import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Button, ButtonLink } from '../components/Button';
import { useIdempotencyKey } from '../lib/hooks';
import type { Incident, TenancyDetail } from './queries';
import { StepDialog } from './StepDialog';
import { CREATING, TENANCY_ACTIONS, tenancyStepSpec, type TenancyAction } from './tenancySteps';

const ICON: Partial<Record<TenancyAction, string>> = { reportRentDefault: 'add', reportConflict: 'add' };

/** The tenancy's actions the user may take now (the server's `actions`): edit, report, recovery, review, end. */
export function TenancyActions({ tenancy, notify, only }: { tenancy: TenancyDetail; notify: (m: string) => void; only?: readonly TenancyAction[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const keys = useIdempotencyKey();
  const [open, setOpen] = useState<TenancyAction | null>(null);
  const list = (only ?? TENANCY_ACTIONS).filter((a) => tenancy.actions.includes(a));
  const spec = open ? tenancyStepSpec(open, tenancy, t) : null;
  const path = (p: string) => `/tenancies/${encodeURIComponent(tenancy.id)}/${p}`;

  const run = async (body: Record<string, unknown>) => {
    if (!open || !spec) return null;
    if (!CREATING.includes(open)) return api.post(path(spec.path), { ...body, version: tenancy.version });
    try {
      const result = await api.create(path(spec.path), body, keys.current(body));
      keys.settle();
      return result;
    } catch (err) {
      keys.settle(err);
      throw err;
    }
  };

  return (
    <>
      {(!only || only.includes('end')) && tenancy.actions.includes('update') && (
        <ButtonLink to={`/sustainment/tenancies/${tenancy.id}/edit`} icon="edit" variant="secondary">
          {t('sustainment.tenancyAction.update')}
        </ButtonLink>
      )}
      {list.map((a) => (
        <Button key={a} variant={a === 'end' ? 'tertiary' : a.startsWith('report') ? 'primary' : 'secondary'} icon={ICON[a]} onClick={() => setOpen(a)}>
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
