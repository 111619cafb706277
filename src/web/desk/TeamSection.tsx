import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReassignResult, TTeam } from '../../contracts/desk';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { useDeskLabels } from './labels';
import { ReassignDialog } from './ReassignDialog';

type Member = TTeam['members'][number];

/** The lead's view of the team: open and overdue work per person, unassigned work, and the hand-over. */
export function TeamSection({ team, onHandedOver }: { team: TTeam; onHandedOver: (r: TReassignResult) => void }) {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  const [from, setFrom] = useState<{ userId: string; displayName: string } | null | undefined>(undefined);
  const types = [...new Set([...team.members.flatMap((m) => Object.keys(m.byType)), ...Object.keys(team.unassigned.byType)])];
  const members = team.members.filter((m) => m.open > 0 || m.active);

  return (
    <Section id="desk-team" title={t('desk.team.title')}>
      <p className="kern-body">{t('desk.team.intro')}</p>
      <div className="desk-unassigned">
        <h3 className="kern-heading-small">{t('desk.team.unassigned')}</h3>
        {team.unassigned.open === 0 ? (
          <p className="kern-body">{t('desk.team.noneUnassigned')}</p>
        ) : (
          <p className="kern-body">
            {t('desk.team.unassignedText', { count: team.unassigned.open, overdue: team.unassigned.overdue })}{' '}
            {types
              .filter((ty) => team.unassigned.byType[ty])
              .map((ty) => `${labels.type(ty)}: ${team.unassigned.byType[ty]}`)
              .join(', ')}
          </p>
        )}
        {team.unassigned.open > 0 && (
          <Button variant="secondary" onClick={() => setFrom(null)}>
            {t('desk.team.handOut')}
          </Button>
        )}
      </div>
      <DataTable<Member>
        caption={t('desk.team.caption')}
        rows={members}
        rowKey={(m) => m.userId}
        empty={t('desk.team.noneUnassigned')}
        columns={[
          {
            key: 'person',
            header: t('desk.team.person'),
            rowHeader: true,
            cell: (m) => (
              <>
                {m.displayName}
                <span className="table-sub">
                  {labels.role(m.role)}
                  {!m.active && ` ${t('desk.team.inactive')}`}
                </span>
              </>
            ),
          },
          { key: 'open', header: t('desk.team.open'), numeric: true, cell: (m) => m.open },
          {
            key: 'overdue',
            header: t('desk.team.overdue'),
            numeric: true,
            cell: (m) => (m.overdue > 0 ? <span className="deadline-overdue">{m.overdue}</span> : 0),
          },
          ...types.map((ty) => ({ key: ty, header: labels.type(ty), numeric: true, cell: (m: Member) => m.byType[ty] ?? 0 })),
          {
            key: 'action',
            header: t('common.actions'),
            cell: (m) =>
              m.open > 0 ? (
                <Button
                  variant="tertiary"
                  aria-label={t('desk.team.handOverNamed', { name: m.displayName })}
                  onClick={() => setFrom({ userId: m.userId, displayName: m.displayName })}
                >
                  {t('desk.team.handOver')}
                </Button>
              ) : null,
          },
        ]}
      />
      {from !== undefined && <ReassignDialog from={from} onClose={() => setFrom(undefined)} onDone={onHandedOver} />}
    </Section>
  );
}
