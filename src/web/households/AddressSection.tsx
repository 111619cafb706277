import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { AddressDialog } from './AddressDialog';
import { useAddresses, type Address } from './queries';

/** "Street 1, 70173 Stuttgart", or the kind's text when there is no postal address (street, unknown). */
export function addressText(a: Pick<Address, 'street' | 'postalCode' | 'city'>): string {
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** Address and whereabouts: the current entry prominent, the earlier ones below; record a move or correct an entry. */
export function AddressSection({ householdId, canEdit }: { householdId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const addresses = useAddresses(householdId);
  const [dialog, setDialog] = useState<{ entry?: Address } | null>(null);
  const [saved, setSaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const none = t('common.none');

  const onSaved = () => {
    setDialog(null);
    setSaved(true);
    // Focus lands on the status message, which names what happened.
    requestAnimationFrame(() => status.current?.focus());
  };
  const correct = (a: Address) => (
    <Button
      variant="tertiary"
      icon="edit"
      onClick={() => setDialog({ entry: a })}
      aria-label={t('householdAddresses.correctEntry', { date: formatDate(a.validFrom) })}
    >
      {t('householdAddresses.correct')}
    </Button>
  );

  const body = () => {
    if (addresses.isPending) return <Loading />;
    if (addresses.isError) return <ErrorAlert message={errorMessage(addresses.error, t)} />;
    const { current, items } = addresses.data;
    const earlier = items.filter((a) => !a.current);
    return (
      <>
        {current ? (
          <div className="address-current">
            <DescriptionList
              items={[
                {
                  key: 'current',
                  label: t('householdAddresses.current'),
                  value: (
                    <strong>
                      {t(`householdAddresses.kind.${current.kind}`)}
                      {addressText(current) ? `: ${addressText(current)}` : ''}
                    </strong>
                  ),
                },
                { key: 'district', label: t('householdAddresses.col.district'), value: current.district ?? none },
                {
                  key: 'since',
                  label: t('householdAddresses.col.from'),
                  value: t('householdAddresses.since', { date: formatDate(current.validFrom) }),
                },
                ...(current.note ? [{ key: 'note', label: t('householdAddresses.col.note'), value: current.note }] : []),
              ]}
            />
            {canEdit && correct(current)}
          </div>
        ) : (
          <p className="kern-body">{t('householdAddresses.none')}</p>
        )}
        <h3 className="kern-heading-small">{t('householdAddresses.history')}</h3>
        <DataTable<Address>
          caption={t('householdAddresses.historyCaption')}
          captionHidden
          rows={earlier}
          rowKey={(a) => a.id}
          empty={t('householdAddresses.historyEmpty')}
          columns={[
            {
              key: 'period',
              header: t('householdAddresses.col.from'),
              rowHeader: true,
              cell: (a) => t('householdAddresses.period', { from: formatDate(a.validFrom), to: formatDate(a.validTo) }),
            },
            { key: 'kind', header: t('householdAddresses.col.kind'), cell: (a) => t(`householdAddresses.kind.${a.kind}`) },
            { key: 'address', header: t('householdAddresses.col.address'), cell: (a) => addressText(a) || none },
            { key: 'district', header: t('householdAddresses.col.district'), cell: (a) => a.district ?? none },
            { key: 'note', header: t('householdAddresses.col.note'), cell: (a) => a.note ?? none },
            ...(canEdit ? [{ key: 'actions', header: t('common.actions'), cell: correct }] : []),
          ]}
        />
      </>
    );
  };

  return (
    <Section
      id="addresses"
      title={t('householdAddresses.title')}
      actions={
        canEdit ? (
          <Button icon="add" onClick={() => setDialog({})}>
            {t('householdAddresses.recordMove')}
          </Button>
        ) : null
      }
    >
      <p ref={status} role="status" tabIndex={-1} className={saved ? 'kern-body' : 'visually-hidden'}>
        {saved ? t('householdAddresses.saved') : ''}
      </p>
      {body()}
      {dialog && (
        <AddressDialog
          householdId={householdId}
          entry={dialog.entry}
          onClose={() => setDialog(null)}
          onSaved={() => {
            onSaved();
          }}
        />
      )}
    </Section>
  );
}
