import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contracts/permissions';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Modal } from '../components/Modal';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { can } from '../auth/can';
import { OrgForm } from './OrgForm';
import { useOrgs, type Org, type OrgKind } from './queries';

type DialogState = { kind: OrgKind; org?: Org } | null;

const PERMS: Record<OrgKind, { list: Permission; create: Permission; update: Permission }> = {
  providers: { list: 'provider.list', create: 'provider.create', update: 'provider.update' },
  carriers: { list: 'carrier.list', create: 'carrier.create', update: 'carrier.update' },
};

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (d: DialogState) => {
    setNotice(null);
    setDialog(d);
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  const dialogTitle = !dialog
    ? ''
    : dialog.org
      ? t('orgs.editTitle', { name: dialog.org.name })
      : dialog.kind === 'providers'
        ? t('orgs.createProvider')
        : t('orgs.createCarrier');

  return (
    <>
      <PageHeading title={t('orgs.title')}>{t('orgs.title')}</PageHeading>
      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}
      {(['providers', 'carriers'] as const).map((kind) =>
        can(me, PERMS[kind].list) ? (
          <OrgSection
            key={kind}
            kind={kind}
            canCreate={can(me, PERMS[kind].create)}
            canUpdate={can(me, PERMS[kind].update)}
            onOpen={open}
          />
        ) : null,
      )}
      <Modal isOpen={dialog !== null} onClose={() => setDialog(null)} title={dialogTitle}>
        {dialog && (
          <OrgForm
            key={`${dialog.kind}-${dialog.org?.id ?? 'new'}`}
            kind={dialog.kind}
            org={dialog.org}
            onDone={() => done(dialog.org ? t('common.saved') : t('common.created'))}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
    </>
  );
}

function OrgSection({
  kind,
  canCreate,
  canUpdate,
  onOpen,
}: {
  kind: OrgKind;
  canCreate: boolean;
  canUpdate: boolean;
  onOpen: (d: DialogState) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrgs(kind);
  const title = kind === 'providers' ? t('orgs.providers') : t('orgs.carriers');
  const none = t('common.none');
  return (
    <Section
      id={kind}
      title={title}
      actions={
        canCreate ? (
          <Button variant="secondary" icon="add" onClick={() => onOpen({ kind })}>
            {kind === 'providers' ? t('orgs.createProvider') : t('orgs.createCarrier')}
          </Button>
        ) : null
      }
    >
      {orgs.isPending ? (
        <Loading />
      ) : orgs.isError ? (
        <ErrorAlert message={errorMessage(orgs.error, t)} />
      ) : (
        <DataTable<Org>
          caption={title}
          captionHidden
          rows={orgs.data}
          rowKey={(o) => o.id}
          empty={t('common.noEntries')}
          columns={[
            { key: 'name', header: t('orgs.name'), rowHeader: true, cell: (o) => o.name },
            { key: 'contact', header: t('orgs.contactName'), cell: (o) => o.contactName ?? none },
            { key: 'email', header: t('orgs.email'), cell: (o) => o.email ?? none },
            { key: 'phone', header: t('orgs.phone'), cell: (o) => o.phone ?? none },
            {
              key: 'address',
              header: t('orgs.address'),
              cell: (o) => [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || none,
            },
            ...(canUpdate
              ? [
                  {
                    key: 'actions',
                    header: t('common.actions'),
                    cell: (o: Org) => (
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary kern-btn--x-small"
                        onClick={() => onOpen({ kind, org: o })}
                      >
                        <span className="kern-label">
                          {t('common.edit')}
                          <span className="visually-hidden">: {o.name}</span>
                        </span>
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Section>
  );
}
