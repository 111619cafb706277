import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZViewingInput } from '../../contracts/placement';
import { api, ok, ifMatch } from '../api';
import { TextField } from '../components/Field';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { fieldId } from '../lib/validation';
import { ActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { PeoplePicker } from './PeoplePicker';
import { usePeople } from './people';
import type { Viewing } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'viewing';
const KNOWN = new Set(['startsAt', 'durationMinutes', 'place', 'attendeeIds']);
const minutesBetween = (a: string, b: string) => Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);

/** Plan a viewing for a presented candidate, or move a planned one (new .ics for everyone). */
export function ViewingDialog({
  candidateId,
  pseudonym,
  viewing,
  onClose,
}: {
  candidateId: string;
  pseudonym: string;
  viewing?: Viewing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { offer, notify } = useOfferPage();
  const { people } = usePeople(offer.id);
  const [startsAt, setStartsAt] = useState(viewing ? toDateTimeLocal(new Date(viewing.startsAt)) : '');
  const [duration, setDuration] = useState(String(viewing ? minutesBetween(viewing.startsAt, viewing.endsAt) : 30));
  const [place, setPlace] = useState(viewing?.place ?? `${offer.street}, ${offer.postalCode} ${offer.city}`);
  const [attendees, setAttendees] = useState<string[]>(viewing?.attendees.map((a) => a.id) ?? []);
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) =>
      viewing
        ? ok(
            api.PUT('/viewings/{id}', {
              params: { path: { id: viewing.id } },
              body: { ...body, version: viewing.version },
              headers: ifMatch(viewing.version),
            }),
          )
        : ok(api.POST('/candidates/{id}/viewings', { params: { path: { id: candidateId } }, body })),
    schema: ZViewingInput,
    known: KNOWN,
    onDone: () => {
      onClose();
      notify(t('placement.viewing.saved'));
    },
  });
  const labels: Record<string, string> = {
    startsAt: t('placement.viewing.startsAt'),
    durationMinutes: t('placement.viewing.duration'),
    place: t('placement.viewing.place'),
    attendeeIds: t('placement.viewing.attendees'),
  };
  const submit = () =>
    step.submitBody({ startsAt: dateTimeLocalToIso(startsAt) ?? '', durationMinutes: Number(duration), place, attendeeIds: attendees });

  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={viewing ? t('placement.viewing.updateTitle', { pseudonym }) : t('placement.viewing.scheduleTitle', { pseudonym })}
      formId={FORM}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={viewing ? t('placement.shortlist.actions.updateViewing') : t('placement.shortlist.actions.scheduleViewing')}
      pending={step.mutation.isPending}
      onSubmit={submit}
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
          max={240}
          step={15}
          required
          value={duration}
          error={step.errors.error('durationMinutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
      </div>
      <TextField
        id={fieldId(FORM, 'place')}
        label={labels.place!}
        required
        maxLength={300}
        value={place}
        error={step.errors.error('place')}
        onChange={(e) => setPlace(e.target.value)}
      />
      <PeoplePicker
        formId={FORM}
        path="attendeeIds"
        legend={labels.attendeeIds!}
        hint={t('placement.viewing.attendeesHint')}
        people={people}
        value={attendees}
        error={step.errors.error('attendeeIds')}
        onChange={setAttendees}
      />
    </ActionDialog>
  );
}
