import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type z } from 'zod';
import { HANDOVER_CHANNELS, ZPrivacyHandOver, ZPrivacyRefuse, ZVersion } from '../../contracts/privacy';
import { isoDateIn } from '../../contracts/format';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { useStepForm } from '../components/StepForm';
import { StepActionDialog } from '../placement/ActionDialog';
import { buildBody, initialValues, serverIssues, type FieldSpec, type FormValues } from '../sustainment/stepForm';
import { StepFields } from '../sustainment/StepFields';
import { useRefreshPrivacy, type PrivacyRequest } from './queries';

type Action = PrivacyRequest['actions'][number];
const ORDER: readonly Action[] = ['start', 'produce', 'handOver', 'refuse'];

interface StepSpec {
  fields: FieldSpec[];
  schema: z.ZodType;
  run: (body: never) => Promise<unknown>;
}

function stepSpec(a: Action, r: PrivacyRequest, t: (k: string) => string): StepSpec {
  const path = { params: { path: { id: r.id } } };
  switch (a) {
    case 'start':
      return { fields: [], schema: ZVersion, run: (body) => ok(api.POST('/privacy/requests/{id}/start', { ...path, body })) };
    case 'produce':
      return { fields: [], schema: ZVersion, run: (body) => ok(api.POST('/privacy/requests/{id}/produce', { ...path, body })) };
    case 'handOver':
      return {
        fields: [
          { name: 'handedOverOn', type: 'date', label: t('privacy.field.handedOverOn'), initial: isoDateIn(new Date()) },
          {
            name: 'channel',
            type: 'select',
            label: t('privacy.field.channel'),
            options: HANDOVER_CHANNELS.map((c) => ({ value: c, label: t(`privacy.channel.${c}`) })),
          },
        ],
        schema: ZPrivacyHandOver,
        run: (body) => ok(api.POST('/privacy/requests/{id}/hand-over', { ...path, body })),
      };
    case 'refuse':
      return {
        fields: [{ name: 'reason', type: 'textarea', label: t('privacy.field.reason') }],
        schema: ZPrivacyRefuse,
        run: (body) => ok(api.POST('/privacy/requests/{id}/refuse', { ...path, body })),
      };
  }
}

function StepDialog({ action, r, onDone, onClose }: { action: Action; r: PrivacyRequest; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPrivacy();
  const spec = stepSpec(action, r, t as never);
  const formId = `privacy-${action}`;
  const step = useStepForm<FormValues, z.ZodType<Record<string, unknown>>, unknown>({
    schema: spec.schema as z.ZodType<Record<string, unknown>>,
    defaultValues: initialValues(spec.fields),
    formId,
    toBody: (values) => {
      const { body, issues } = buildBody(spec.fields, values, '');
      return { body: { ...body, version: r.version }, issues };
    },
    run: (body) => spec.run(body as never),
    known: new Set(spec.fields.map((f) => f.name)),
    refresh,
    reload: refresh,
    onDone,
    serverIssues,
  });
  const labels = Object.fromEntries(spec.fields.map((f) => [f.name, f.label]));
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={t(`privacy.action.${action}`)}
      formId={formId}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t(`privacy.action.${action}`)}
    >
      <div className="kern-body">{t(`privacy.intro.${action}`)}</div>
      <StepFields formId={formId} fields={spec.fields} values={step.values} error={step.errors.error} onChange={step.set} />
    </StepActionDialog>
  );
}

/** One button per step the user may take now (the server's `actions`), each opening its dialog. */
export function RequestActions({ r, notify }: { r: PrivacyRequest; notify: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = ORDER.filter((a) => r.actions.includes(a));
  if (!actions.length) return <p className="kern-body">{t('privacy.request.noActions')}</p>;
  return (
    <>
      <div className="sus-actions sus-actions--top">
        {actions.map((a) => (
          <Button key={a} variant={a === 'refuse' ? 'secondary' : 'primary'} onClick={() => setOpen(a)}>
            {t(`privacy.action.${a}`)}
          </Button>
        ))}
      </div>
      {open && (
        <StepDialog
          key={open}
          action={open}
          r={r}
          onClose={() => setOpen(null)}
          onDone={() => {
            notify(t(`privacy.done.${open}`));
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
