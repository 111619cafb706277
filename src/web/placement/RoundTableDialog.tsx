import { useTranslation } from 'react-i18next';
import { ZRoundTableInput } from '../../contracts/placement';
import { api, ok, ifMatch } from '../api';
import { StepActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { MeetingTimeFields, meetingTime, meetingTimeBody, type MeetingTime } from './MeetingTimeFields';
import { PeoplePicker } from './PeoplePicker';
import { usePeople } from './people';
import type { RoundTable } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'round-table';

interface Values extends MeetingTime {
  participantIds: string[];
}

/** Plan the round table (or move it): date, duration, participants; the server adds the video link. */
export function RoundTableDialog({ roundTable, onClose, onDone }: { roundTable?: RoundTable; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { offer } = useOfferPage();
  const { people } = usePeople(offer.id);
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
    defaultValues: { ...meetingTime(roundTable, 60), participantIds: roundTable?.participants.map((p) => p.id) ?? [] },
    toBody: (v: Values) => ({ body: { ...meetingTimeBody(v), participantIds: v.participantIds } }),
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
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={roundTable ? t('placement.roundTable.rescheduleTitle') : t('placement.roundTable.scheduleTitle')}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={roundTable ? t('placement.roundTable.reschedule') : t('placement.roundTable.schedule')}
    >
      <MeetingTimeFields
        formId={FORM}
        value={step.values}
        labels={{ startsAt: labels.startsAt!, durationMinutes: labels.durationMinutes! }}
        maxMinutes={480}
        error={step.errors.error}
        onChange={step.set}
      />
      <PeoplePicker
        formId={FORM}
        path="participantIds"
        legend={labels.participantIds!}
        hint={t('placement.roundTable.participantsHint')}
        people={[...people, ...extra]}
        value={step.values.participantIds}
        error={step.errors.error('participantIds')}
        onChange={(ids) => step.set('participantIds', ids)}
      />
    </StepActionDialog>
  );
}
