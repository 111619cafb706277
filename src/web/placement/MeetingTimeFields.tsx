import { TextField } from '../components/Field';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { fieldId } from '../lib/validation';

/** A meeting's time in the form: local start (datetime-local) and duration in minutes (as typed). */
export interface MeetingTime {
  startsAt: string;
  duration: string;
}

const minutesBetween = (a: string, b: string) => Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);

/** The form values of a planned meeting, or empty with the default duration. */
export function meetingTime(existing: { startsAt: string; endsAt: string } | undefined, defaultMinutes: number): MeetingTime {
  return existing
    ? { startsAt: toDateTimeLocal(new Date(existing.startsAt)), duration: String(minutesBetween(existing.startsAt, existing.endsAt)) }
    : { startsAt: '', duration: String(defaultMinutes) };
}

/** Form values → the body's `startsAt` (ISO) and `durationMinutes`. */
export const meetingTimeBody = (v: MeetingTime) => ({
  startsAt: dateTimeLocalToIso(v.startsAt) ?? '',
  durationMinutes: Number(v.duration),
});

/** Start and duration of a round table or viewing, side by side. */
export function MeetingTimeFields({
  formId,
  value,
  labels,
  maxMinutes,
  error,
  onChange,
}: {
  formId: string;
  value: MeetingTime;
  labels: { startsAt: string; durationMinutes: string };
  maxMinutes: number;
  error: (path: string) => string | undefined;
  onChange: (name: keyof MeetingTime, value: string) => void;
}) {
  return (
    <div className="form-grid form-grid--2">
      <TextField
        id={fieldId(formId, 'startsAt')}
        label={labels.startsAt}
        type="datetime-local"
        required
        value={value.startsAt}
        error={error('startsAt')}
        onChange={(e) => onChange('startsAt', e.target.value)}
      />
      <TextField
        id={fieldId(formId, 'durationMinutes')}
        label={labels.durationMinutes}
        type="number"
        min={15}
        max={maxMinutes}
        step={15}
        required
        value={value.duration}
        error={error('durationMinutes')}
        onChange={(e) => onChange('duration', e.target.value)}
      />
    </div>
  );
}
