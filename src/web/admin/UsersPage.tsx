import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Modal } from '../components/Modal';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { can } from '../auth/can';
import { PasswordResetForm } from './PasswordResetForm';
import { useOperatorChoices, useUsers, type User } from './queries';
import { UserForm } from './UserForm';
import { TextField } from '../components/Field';
import { useDebouncedValue } from '../lib/hooks';

type DialogState = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useState('');
  const users = useUsers(useDebouncedValue(search));
  const [dialog, setDialog] = useState<DialogState>(null);
  // Operator users show their operator's name (looked up only when the list has one).
  const operators = useOperatorChoices(!!users.data?.some((u) => u.operatorId));
  const operatorName = (id: string) => operators.data?.find((o) => o.id === id)?.name ?? '…';
  const [notice, setNotice] = useState<string | null>(null);
  const canCreate = can(me, 'user.create');
  const canUpdate = can(me, 'user.update');
  const canReset = can(me, 'user.resetPassword');

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <>
      <PageHeading
        title={t('users.title')}
        actions={
          canCreate ? (
            <Button
              icon="add"
              onClick={() => {
                setNotice(null);
                setDialog({ kind: 'create' });
              }}
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      >
        {t('users.title')}
      </PageHeading>

      {notice && (
        <Alert variant="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      )}

      <div role="search" className="filters users-search">
        <TextField
          id="users-search"
          label={t('users.search')}
          type="search"
          value={search}
          autoComplete="off"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <p className="kern-body kern-body--bold result-count" role="status">
        {users.data ? t('users.count', { count: users.data.length }) : ''}
      </p>

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorAlert message={errorMessage(users.error, t)} />
      ) : (
        <DataTable<User>
          caption={t('users.caption')}
          captionHidden
          rows={users.data}
          rowKey={(u) => u.id}
          empty={t('common.noEntries')}
          columns={[
            {
              key: 'name',
              header: `${t('users.displayName')} / ${t('users.email')}`,
              rowHeader: true,
              cell: (u) => (
                <>
                  {u.displayName}
                  <span className="table-sub">{u.email}</span>
                </>
              ),
            },
            {
              key: 'role',
              header: t('users.role'),
              cell: (u) => (
                <>
                  {t(`roles.${u.role}`)}
                  {u.operatorId && (
                    <span className="table-sub">
                      {t('users.operator')}: {operatorName(u.operatorId)}
                    </span>
                  )}
                </>
              ),
            },
            {
              key: 'status',
              header: t('users.status'),
              cell: (u) => (
                <>
                  <span className={`kern-badge ${u.active ? 'kern-badge--success' : 'kern-badge--danger'}`}>
                    <span className="kern-label">{u.active ? t('users.activeYes') : t('users.activeNo')}</span>
                  </span>
                  <span className="table-sub">
                    {t('users.totp')}: {u.totpEnabled ? t('common.yes') : t('common.no')}
                  </span>
                </>
              ),
            },
            { key: 'last', header: t('users.lastLogin'), cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.never')) },
            ...(canUpdate || canReset
              ? [
                  {
                    key: 'actions',
                    header: t('common.actions'),
                    cell: (u: User) => (
                      <div className="row-actions">
                        {canUpdate && (
                          <button
                            type="button"
                            className="kern-btn kern-btn--tertiary kern-btn--x-small"
                            onClick={() => {
                              setNotice(null);
                              setDialog({ kind: 'edit', user: u });
                            }}
                          >
                            <span className="kern-label">
                              {t('common.edit')}
                              <span className="visually-hidden">: {u.displayName}</span>
                            </span>
                          </button>
                        )}
                        {canReset && (
                          <button
                            type="button"
                            className="kern-btn kern-btn--tertiary kern-btn--x-small"
                            onClick={() => {
                              setNotice(null);
                              setDialog({ kind: 'reset', user: u });
                            }}
                          >
                            <span className="kern-label">
                              {t('users.resetPassword')}
                              <span className="visually-hidden">: {u.displayName}</span>
                            </span>
                          </button>
                        )}
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}

      <Modal isOpen={dialog?.kind === 'create'} onClose={() => setDialog(null)} title={t('users.createTitle')}>
        <UserForm onDone={() => done(t('common.created'))} onCancel={() => setDialog(null)} />
      </Modal>
      <Modal isOpen={dialog?.kind === 'edit'} onClose={() => setDialog(null)} title={t('users.editTitle')}>
        {dialog?.kind === 'edit' && <UserForm user={dialog.user} onDone={() => done(t('common.saved'))} onCancel={() => setDialog(null)} />}
      </Modal>
      <Modal
        isOpen={dialog?.kind === 'reset'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'reset' ? t('users.resetTitle', { name: dialog.user.displayName }) : t('users.resetPassword')}
      >
        {dialog?.kind === 'reset' && (
          <PasswordResetForm user={dialog.user} onDone={() => done(t('users.resetDone'))} onCancel={() => setDialog(null)} />
        )}
      </Modal>
    </>
  );
}
