import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Section } from '../components/Section';
import { formatDate } from '../i18n/format';
import { useCasePage } from './context';
import { DocumentLinks } from './DocumentLinks';
import { StepError } from '../components/StepFeedback';
import { Badge, useLooseT } from './labels';
import { MeasureDialog } from './MeasureDialog';
import { preventionKeys, type Measure } from './queries';

const MONEY_KEYS = new Set(['amountCents', 'grantedCents', 'repaymentMonthlyCents']);
const DATE_KEYS = new Set([
  'applicationOn',
  'decidedOn',
  'repaymentStartsOn',
  'paidToLandlordOn',
  'validUntil',
  'sentOn',
  'startsOn',
  'endsOn',
]);
/** The order the dialog asks for them: application, decision, repayment, payment; commitment; other help. */
const FIELD_ORDER = [
  'applicationOn',
  'amountCents',
  'legalBasis',
  'decision',
  'decidedOn',
  'grantedCents',
  'repaymentMonthlyCents',
  'repaymentStartsOn',
  'repaymentNote',
  'paidToLandlordOn',
  'recipient',
  'recipientName',
  'recipientAddress',
  'recipientReference',
  'items',
  'validUntil',
  'sentOn',
  'provider',
  'startsOn',
  'endsOn',
];
const ENUM_PREFIX: Record<string, string> = {
  legalBasis: 'prevention.legalBasis',
  decision: 'prevention.decision',
  recipient: 'prevention.measures.recipient',
};

/** Measures of the case: rent-debt assumption, commitment letter (PDF), other help. */
export function MeasuresSection() {
  const { t } = useTranslation();
  const { case: c, can } = useCasePage();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  return (
    <Section
      id="measures"
      title={t('prevention.measures.title')}
      actions={
        can('addMeasure') ? (
          <Button icon="add" onClick={() => setEditing('new')}>
            {t('prevention.measures.add')}
          </Button>
        ) : null
      }
    >
      {c.measures.length === 0 && <p className="kern-body">{t('prevention.measures.none')}</p>}
      <div className="measure-list">
        {c.measures.map((m) => (
          <MeasureCard key={m.id} measure={m} onEdit={() => setEditing(m)} />
        ))}
      </div>
      {editing && <MeasureDialog measure={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

function MeasureCard({ measure: m, onEdit }: { measure: Measure; onEdit: () => void }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const { case: c, can, notify } = useCasePage();
  const queryClient = useQueryClient();
  const letter = useMutation({
    mutationFn: () => ok(api.POST('/prevention/measures/{id}/commitment-letter', { params: { path: { id: m.id } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(preventionKeys.case(updated.id), updated);
      notify(t('prevention.measures.letterDone'));
    },
  });
  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (MONEY_KEYS.has(k) && typeof v === 'number') return formatEuro(v);
    if (DATE_KEYS.has(k) && typeof v === 'string') return formatDate(v);
    if (ENUM_PREFIX[k] && typeof v === 'string') return tx(`${ENUM_PREFIX[k]}.${v}`);
    if (Array.isArray(v)) return v.join('; ');
    return String(v);
  };
  const items = Object.entries(m.data)
    .map(([k, v]) => ({ key: k, label: tx(`prevention.measures.field.${k}`, { defaultValue: k }), value: value(k, v) }))
    .filter((i) => i.value !== '')
    .sort((a, b) => FIELD_ORDER.indexOf(a.key) - FIELD_ORDER.indexOf(b.key));
  const titleId = `measure-${m.id}-title`;
  const documents = m.documents.length > 0 ? m.documents : [];
  return (
    <article className="measure-card" aria-labelledby={titleId}>
      <div className="measure-card__header">
        <h3 id={titleId} className="kern-heading-small">
          {t(`prevention.measureKind.${m.kind}`)}
        </h3>
        <Badge
          variant={
            m.status === 'rejected' || m.status === 'cancelled'
              ? 'danger'
              : m.status === 'approved' || m.status === 'done'
                ? 'success'
                : 'info'
          }
        >
          {t(`prevention.measureState.${m.status}`)}
        </Badge>
      </div>
      {items.length > 0 ? (
        <DescriptionList items={items} />
      ) : (
        <p className="kern-body kern-body--small">{t('prevention.measures.noData')}</p>
      )}
      {m.note && <p className="kern-body">{m.note}</p>}
      {documents.length > 0 && <DocumentLinks caseId={c.id} documents={documents} label={t('prevention.measures.documents')} />}
      <div className="form-actions">
        {can('updateMeasure') && (
          <Button
            variant="secondary"
            icon="edit"
            onClick={onEdit}
            aria-label={t('prevention.measures.editLabel', { kind: t(`prevention.measureKind.${m.kind}`) })}
          >
            {t('common.edit')}
          </Button>
        )}
        {m.kind === 'commitment' && can('commitmentLetter') && (
          <Button variant="secondary" disabled={letter.isPending} onClick={() => letter.mutate()}>
            {t('prevention.measures.letterCreate')}
          </Button>
        )}
      </div>
      <StepError error={letter.error} />
    </article>
  );
}
