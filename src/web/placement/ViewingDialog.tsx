import { useTranslation } from 'react-i18next';
import { ZViewingInput } from '../../contracts/placement';
import { api, ok, ifMatch } from '../api';
import { TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { MeetingTimeFields, meetingTime, meetingTimeBody, type MeetingTime } from './MeetingTimeFields';
import { PeoplePicker } from './PeoplePicker';
import { usePeople } from './people';
import type { Viewing } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'viewing';
const KNOWN = new Set(['startsAt', 'durationMinutes', 'place', 'attendeeIds']);

interface Values extends MeetingTime {
  place: string;
  attendeeIds: string[];
}

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
    defaultValues: {
      ...meetingTime(viewing, 30),
      place: viewing?.place ?? `${offer.street}, ${offer.postalCode} ${offer.city}`,
      attendeeIds: viewing?.attendees.map((a) => a.id) ?? [],
    },
    toBody: (v: Values) => ({ body: { ...meetingTimeBody(v), place: v.place, attendeeIds: v.attendeeIds } }),
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

  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={viewing ? t('placement.viewing.updateTitle', { pseudonym }) : t('placement.viewing.scheduleTitle', { pseudonym })}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={viewing ? t('placement.shortlist.actions.updateViewing') : t('placement.shortlist.actions.scheduleViewing')}
    >
      <MeetingTimeFields
        formId={FORM}
        value={step.values}
        labels={{ startsAt: labels.startsAt!, durationMinutes: labels.durationMinutes! }}
        maxMinutes={240}
        error={step.errors.error}
        onChange={step.set}
      />
      <TextField
        id={fieldId(FORM, 'place')}
        label={labels.place!}
        required
        maxLength={300}
        value={step.values.place}
        error={step.errors.error('place')}
        onChange={(e) => step.set('place', e.target.value)}
      />
      <PeoplePicker
        formId={FORM}
        path="attendeeIds"
        legend={labels.attendeeIds!}
        hint={t('placement.viewing.attendeesHint')}
        people={people}
        value={step.values.attendeeIds}
        error={step.errors.error('attendeeIds')}
        onChange={(ids) => step.set('attendeeIds', ids)}
      />
    </StepActionDialog>
  );
}
