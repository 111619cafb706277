import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useStoredText } from '../i18n/storedText';
import { ZReassign, type TReassignResult, type TWorkItem } from '../../contracts/desk';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { CheckboxField, Fieldset, SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Modal } from '../components/Modal';
import { useStepForm } from '../components/StepForm';
import { useStaff } from '../households/queries';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from '../placement/ActionDialog';
import { formatDate } from '../i18n/format';
import { useDeskLabels } from './labels';
import { deskKeys, useWork } from './queries';

const FORM = 'reassign';
const KNOWN = new Set(['toUserId', 'items']);
const keyOf = (i: Pick<TWorkItem, 'type' | 'id'>) => `${i.type}:${i.id}`;

type From = { userId: string; displayName: string } | null;
interface Props {
  /** The person whose work is handed over; null: the unassigned work. */
  from: From;
  onClose: () => void;
  onDone: (result: TReassignResult) => void;
}

/**
 * The lead hands over a person's open work (or hands out the unassigned work): every item is listed
 * and ticked, the lead unticks what stays and picks who takes over; the server checks agency, role
 * and that each item is still open, and answers field by field.
 */
export function ReassignDialog(props: Props) {
  const { t } = useTranslation();
  const work = useWork(props.from?.userId ?? null);
  const title = props.from ? t('desk.reassign.title', { name: props.from.displayName }) : t('desk.reassign.titleUnassigned');
  if (!work.data) {
    return (
      <Modal isOpen onClose={props.onClose} title={title}>
        <Loading />
      </Modal>
    );
  }
  return <ReassignForm {...props} title={title} items={work.data.items} reloadWork={() => work.refetch()} />;
}

function ReassignForm({
  from,
  onClose,
  onDone,
  title,
  items,
  reloadWork,
}: Props & { title: string; items: TWorkItem[]; reloadWork: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const stored = useStoredText();
  const labels = useDeskLabels();
  const qc = useQueryClient();
  const staff = useStaff();
  const step = useStepForm({
    schema: ZReassign,
    formId: FORM,
    known: KNOWN,
    defaultValues: { toUserId: '', selected: items.map(keyOf) } satisfies Values,
    toBody: (v: Values) => ({
      body: {
        toUserId: v.toUserId,
        items: items.filter((i) => v.selected.includes(keyOf(i))).map((i) => ({ type: i.type, id: i.id })),
      },
    }),
    run: (body) => ok(api.POST('/desk/reassign', { body })),
    refresh: () => qc.invalidateQueries({ queryKey: deskKeys.desk }),
    onDone: (result) => {
      onClose();
      onDone(result);
    },
    reload: () => reloadWork(),
  });
  const selected = step.values.selected ?? [];
  const toggle = (key: string, on: boolean) => step.set('selected', on ? [...selected, key] : selected.filter((k) => k !== key));
  const types = [...new Set(items.map((i) => i.type))];
  const options = (staff.data ?? [])
    .filter((s) => s.id !== from?.userId)
    .map((s) => ({ value: s.id, label: `${s.displayName} (${labels.role(s.role)})` }));

  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={title}
      formId={FORM}
      labelFor={(p) => (p === 'toUserId' ? t('desk.reassign.target') : t('desk.reassign.items'))}
      submitLabel={t('desk.reassign.submit')}
    >
      <SelectField
        {...step.field('toUserId')}
        label={t('desk.reassign.target')}
        placeholder={t('desk.reassign.choose')}
        aria-busy={staff.isPending || undefined}
        options={options}
      />
      {items.length === 0 ? (
        <p className="kern-body">{t('desk.reassign.empty')}</p>
      ) : (
        <Fieldset legend={t('desk.reassign.items')} id={fieldId(FORM, 'items')} error={step.errors.error('items')}>
          <p className="kern-hint">{t('desk.reassign.itemsHint')}</p>
          <div className="reassign-tools">
            <Button variant="tertiary" onClick={() => step.set('selected', items.map(keyOf))}>
              {t('desk.reassign.selectAll')}
            </Button>
            <Button variant="tertiary" onClick={() => step.set('selected', [])}>
              {t('desk.reassign.selectNone')}
            </Button>
            <span className="kern-body" role="status">
              {t('desk.reassign.selected', { count: selected.length, total: items.length })}
            </span>
          </div>
          {types.map((type) => (
            <div key={type} className="reassign-group">
              <h3 className="kern-heading-small">{labels.type(type)}</h3>
              {items
                .filter((i) => i.type === type)
                .map((i) => (
                  <CheckboxField
                    key={keyOf(i)}
                    id={fieldId(FORM, `item-${keyOf(i)}`)}
                    label={stored.text(i.titleKey, i.titleParams, i.title)}
                    hint={[
                      i.detail,
                      i.dueAt ? t('desk.due', { date: formatDate(i.dueAt, 'Europe/Berlin') }) : null,
                      i.roles.length ? t('desk.reassign.mayTake', { roles: i.roles.map(labels.role).join(', ') }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    checked={selected.includes(keyOf(i))}
                    onChange={(e) => toggle(keyOf(i), e.target.checked)}
                  />
                ))}
            </div>
          ))}
        </Fieldset>
      )}
    </StepActionDialog>
  );
}

interface Values {
  toUserId: string;
  selected: string[];
}
