import { useId } from 'react';

/**
 * KERN progress bar (native <progress>, role progressbar with its value). Without a known total it
 * is indeterminate: the bar moves, the text says what happens.
 */
export function ImportProgressBar({
  label,
  value,
  max,
  valueText,
}: {
  label: string;
  value: number | null;
  max: number;
  valueText: string;
}) {
  const id = useId();
  const known = value !== null && max > 0;
  return (
    <div className="kern-progress import-progress">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {known ? (
        <progress id={id} value={Math.min(value, max)} max={max} aria-valuetext={valueText} />
      ) : (
        <progress id={id} aria-valuetext={valueText} />
      )}
      <span className="kern-body" aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}
