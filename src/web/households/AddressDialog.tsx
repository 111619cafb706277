import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WHEREABOUTS_KINDS, ZAddressCreate, ZAddressUpdate, type TWhereaboutsKind } from '../../contracts/householdAddresses';
import { api, ok } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import { formatDate } from '../i18n/format';
import { StepActionDialog } from '../placement/ActionDialog';
import { householdKeys, useDistricts, type Address } from './queries';

const FORM = 'address';

interface Values {
  kind: TWhereaboutsKind | '';
  street: string;
  postalCode: string;
  city: string;
  district: string;
  validFrom: string;
  validTo: string;
  note: string;
}

const LABELS = ['kind', 'street', 'postalCode', 'city', 'district', 'validFrom', 'validTo', 'note'] as const;

/**
 * Records a move (without `entry`: the new entry becomes current, the previous one ends the day
 * before) or corrects one entry of the history (`entry`, with its version).
 */
export function AddressDialog({
  householdId,
  entry,
  onClose,
  onSaved,
}: {
  householdId: string;
  entry?: Address;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const refresh = () => queryClient.invalidateQueries({ queryKey: householdKeys.all });
  const step = useStepForm({
    schema: entry ? ZAddressUpdate : ZAddressCreate,
    formId: FORM,
    defaultValues: {
      kind: entry?.kind ?? '',
      street: entry?.street ?? '',
      postalCode: entry?.postalCode ?? '',
      city: entry?.city ?? '',
      district: entry?.district ?? '',
      validFrom: entry?.validFrom ?? '',
      validTo: entry?.validTo ?? '',
      note: entry?.note ?? '',
    },
    known: new Set(LABELS),
    toBody: (v: Values) => ({
      body: {
        kind: v.kind || undefined,
        street: v.street || null,
        postalCode: v.postalCode || null,
        city: v.city || null,
        district: v.district || null,
        validFrom: v.validFrom,
        validTo: v.validTo || null,
        note: v.note || null,
        ...(entry ? { version: entry.version } : {}),
      },
    }),
    run: (body) =>
      entry
        ? ok(
            api.PUT('/households/{id}/addresses/{subId}', {
              params: { path: { id: householdId, subId: entry.id } },
              body: body as never,
            }),
          )
        : ok(api.POST('/households/{id}/addresses', { params: { path: { id: householdId } }, body: body as never })),
    refresh,
    reload: refresh,
    onDone: (r) => onSaved(r.id),
  });
  const options = [...new Set([...(districts.data ?? []), ...(entry?.district ? [entry.district] : [])])];
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      closeOnReload
      title={entry ? t('householdAddresses.correctEntry', { date: formatDate(entry.validFrom) }) : t('householdAddresses.recordMove')}
      formId={FORM}
      labelFor={(p) =>
        t(`householdAddresses.field.${(LABELS as readonly string[]).includes(p) ? p : 'kind'}` as 'householdAddresses.field.kind')
      }
      submitLabel={t('common.save')}
    >
      {!entry && <p className="kern-body">{t('householdAddresses.moveHint')}</p>}
      <SelectField
        {...step.field('kind')}
        label={t('householdAddresses.field.kind')}
        placeholder={t('householdAddresses.field.choose')}
        options={WHEREABOUTS_KINDS.map((k) => ({ value: k, label: t(`householdAddresses.kind.${k}`) }))}
      />
      <TextField
        {...step.field('street')}
        label={t('householdAddresses.field.street')}
        hint={t('householdAddresses.field.addressHint')}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        {...step.field('postalCode')}
        label={t('householdAddresses.field.postalCode')}
        inputMode="numeric"
        maxLength={5}
        autoComplete="off"
      />
      <TextField {...step.field('city')} label={t('householdAddresses.field.city')} maxLength={100} autoComplete="off" />
      <SelectField
        {...step.field('district')}
        label={t('householdAddresses.field.district')}
        optional
        placeholder={t('householdAddresses.field.districtNone')}
        options={options.map((d) => ({ value: d, label: d }))}
      />
      <TextField {...step.field('validFrom')} label={t('householdAddresses.field.validFrom')} type="date" />
      {entry && <TextField {...step.field('validTo')} label={t('householdAddresses.field.validTo')} type="date" optional />}
      <TextAreaField {...step.field('note')} label={t('householdAddresses.field.note')} optional rows={2} maxLength={2000} />
    </StepActionDialog>
  );
}
