import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRoundTableInput } from '../../contracts/placement';
import { api, ok, ifMatch } from '../api';
import { TextField } from '../components/Field';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { fieldId } from '../lib/validation';
import { ActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { PeoplePicker } from './PeoplePicker';
import { usePeople } from './people';
import type { RoundTable } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'round-table';
const minutesBetween = (a: string, b: string) => Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);

/** Plan the round table (or move it): date, duration, participants; the server adds the video link. */
export function RoundTableDialog({ roundTable, onClose, onDone }: { roundTable?: RoundTable; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { offer } = useOfferPage();
  const { people } = usePeople(offer.id);
  const [startsAt, setStartsAt] = useState(roundTable ? toDateTimeLocal(new Date(roundTable.startsAt)) : '');
  const [duration, setDuration] = useState(String(roundTable ? minutesBetween(roundTable.startsAt, roundTable.endsAt) : 60));
  const [participants, setParticipants] = useState<string[]>(roundTable?.participants.map((p) => p.id) ?? []);
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) =>
      roundTable
        ? ok(
            api.PUT('/round-tables/{id}', {
              params: { path: { id: roundTable.id } },
              body: { ...body, version: roundTable.version },
              headers: ifMatch(roundTable.version),
            }),
          )
        : ok(api.POST('/offers/{id}/round-tables', { params: { path: { id: offer.id } }, body })),
    schema: ZRoundTableInput,
    known: new Set(['startsAt', 'durationMinutes', 'participantIds']),
    onDone,
  });
  const labels: Record<string, string> = {
    startsAt: t('placement.roundTable.startsAt'),
    durationMinutes: t('placement.roundTable.duration'),
    participantIds: t('placement.roundTable.participants'),
  };
  // People who were invited but are not in today's list (e.g. a company user) stay selectable.
  const known = new Set(people.map((p) => p.id));
  const extra = (roundTable?.participants ?? []).filter((p) => !known.has(p.id)).map((p) => ({ ...p, group: 'provider' as const }));

  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={roundTable ? t('placement.roundTable.rescheduleTitle') : t('placement.roundTable.scheduleTitle')}
      formId={FORM}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={roundTable ? t('placement.roundTable.reschedule') : t('placement.roundTable.schedule')}
      pending={step.mutation.isPending}
      onSubmit={() =>
        step.submitBody({ startsAt: dateTimeLocalToIso(startsAt) ?? '', durationMinutes: Number(duration), participantIds: participants })
      }
    >
      <div className="form-grid form-grid--2">
        <TextField
          id={fieldId(FORM, 'startsAt')}
          label={labels.startsAt!}
          type="datetime-local"
          required
          value={startsAt}
          error={step.errors.error('startsAt')}
          onChange={(e) => setStartsAt(e.target.value)}
        />
        <TextField
          id={fieldId(FORM, 'durationMinutes')}
          label={labels.durationMinutes!}
          type="number"
          min={15}
          max={480}
          step={15}
          required
          value={duration}
          error={step.errors.error('durationMinutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
      </div>
      <PeoplePicker
        formId={FORM}
        path="participantIds"
        legend={labels.participantIds!}
        hint={t('placement.roundTable.participantsHint')}
        people={[...people, ...extra]}
        value={participants}
        error={step.errors.error('participantIds')}
        onChange={setParticipants}
      />
    </ActionDialog>
  );
}
