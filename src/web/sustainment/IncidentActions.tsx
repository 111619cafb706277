import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { INCIDENT_ACTIONS, incidentStepSpec, SECONDARY_ACTIONS, type IncidentAction } from './incidentSteps';
import type { Incident } from './queries';
import { StepDialog } from './StepDialog';

interface Props {
  incident: Incident;
  /** Remaining guarantee (staff only), shown in the payout form. */
  remainingCents: number | null;
  notify: (message: string) => void;
}

/** One button per step the user may take now (the server's `actions`), each opening its form. */
export function IncidentActions({ incident, remainingCents, notify }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<IncidentAction | null>(null);
  const actions = INCIDENT_ACTIONS.filter((a) => incident.actions.includes(a));
  if (actions.length === 0) return <p className="kern-body">{t('sustainment.incident.noActions')}</p>;
  const spec = open ? incidentStepSpec(open, incident, t) : null;
  const intro = (a: IncidentAction) => {
    const base = t(`sustainment.intro.${a}`);
    if (a === 'payout' && remainingCents !== null)
      return `${base} ${t('sustainment.intro.payoutRemaining', { amount: formatEuro(remainingCents) })}`;
    return base;
  };
  return (
    <>
      <div className="sus-actions">
        {actions.map((a) => (
          <Button
            key={a}
            variant={SECONDARY_ACTIONS.includes(a) ? (a === 'cancel' ? 'tertiary' : 'secondary') : 'primary'}
            onClick={() => setOpen(a)}
          >
            {t(`sustainment.action.${a}`)}
          </Button>
        ))}
      </div>
      {open && spec && (
        <StepDialog
          key={open}
          formId={`incident-${open}`}
          title={t(`sustainment.action.${open}`)}
          intro={intro(open)}
          fields={spec.fields}
          schema={spec.schema}
          extra={{ version: incident.version }}
          submitLabel={t(`sustainment.action.${open}`)}
          run={(body) => ok(api.POST(`/incidents/{id}/${spec.path}`, { params: { path: { id: incident.id } }, body: body as never }))}
          onClose={() => setOpen(null)}
          onDone={() => {
            notify(t(`sustainment.done.${open}`));
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
