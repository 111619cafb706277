import { useTranslation } from 'react-i18next';
import { ZTargetInput } from '../../contracts/steering';
import { api, ok } from '../api';
import { TextAreaField, TextField } from '../components/Field';
import { useStepForm } from '../components/StepForm';
import { formatDate } from '../i18n/format';
import { StepActionDialog } from '../placement/ActionDialog';
import { useFormatValue } from './FigureCard';
import { useRefreshSteering, useTargetHistory } from './queries';
import type { TFigure } from './types';

const FORM = 'steering-target';

interface Values {
  minimum: string;
  target: string;
  validFrom: string;
  note: string;
}

/** "75", "2,5", "2.5" → number; anything else NaN (the schema then names the field). */
const parseNumber = (s: string) => {
  const v = s.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
};

/** The lead sets a new version of a figure's minimum and target value from a day on; earlier versions are listed. */
export function TargetDialog({
  figure: f,
  from,
  onClose,
  onSaved,
}: {
  figure: TFigure;
  from: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const format = useFormatValue();
  const refresh = useRefreshSteering();
  const history = useTargetHistory(f.id);
  const title = german ? f.title.de : f.title.en;
  const step = useStepForm({
    schema: ZTargetInput,
    formId: FORM,
    defaultValues: {
      minimum: f.minimum === null ? '' : String(f.minimum).replace('.', german ? ',' : '.'),
      target: f.target === null ? '' : String(f.target).replace('.', german ? ',' : '.'),
      validFrom: from,
      note: '',
    },
    toBody: (v: Values) => {
      const issues = (['minimum', 'target'] as const)
        .filter((k) => Number.isNaN(parseNumber(v[k])))
        .map((k) => ({ field: k, code: 'custom', message: t('steering.dialog.numberInvalid') }));
      return {
        body: {
          figureId: f.id,
          minimum: parseNumber(v.minimum),
          target: parseNumber(v.target),
          validFrom: v.validFrom,
          note: v.note.trim() || null,
        },
        issues,
      };
    },
    run: (body) => ok(api.POST('/steering/targets', { body })),
    known: new Set(['minimum', 'target', 'validFrom', 'note']),
    refresh,
    reload: refresh,
    onDone: () => {
      onClose();
      onSaved();
    },
  });
  const labels: Record<string, string> = {
    minimum: t('steering.dialog.minimum'),
    target: t('steering.dialog.target'),
    validFrom: t('steering.dialog.validFrom'),
    note: t('steering.dialog.note'),
    figureId: title,
  };
  const unitHint = t(`steering.units.${f.unit}`, { value: '…' });
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('steering.setTargetsFor', { title })}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('common.save')}
    >
      <p className="kern-body">{t('steering.dialog.intro')}</p>
      <p className="kern-body kern-body--small">{t(f.higherIsBetter ? 'steering.higherBetter' : 'steering.lowerBetter')}</p>
      <TextField {...step.field('minimum')} label={`${labels.minimum} (${unitHint})`} inputMode="decimal" />
      <TextField {...step.field('target')} label={`${labels.target} (${unitHint})`} inputMode="decimal" />
      <TextField {...step.field('validFrom')} label={labels.validFrom!} type="date" />
      <TextAreaField {...step.field('note')} label={labels.note!} optional rows={2} />
      {history.data && history.data.items.length > 0 && (
        <>
          <h3 className="kern-heading-small">{t('steering.dialog.history')}</h3>
          <ul className="kern-list">
            {history.data.items.map((v) => (
              <li key={v.id} className="kern-body kern-body--small">
                {t('steering.dialog.historyRow', {
                  from: formatDate(v.validFrom),
                  minimum: format(f.unit, v.minimum),
                  target: format(f.unit, v.target),
                  by: v.createdBy ?? '–',
                })}
                {v.note ? ` (${v.note})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </StepActionDialog>
  );
}
