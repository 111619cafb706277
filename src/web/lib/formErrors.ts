import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { errorMessage, fieldErrorMessage, type FieldIssue } from '../i18n/errors';
import { nearestField } from './validation';

interface State {
  issues: FieldIssue[];
  error: unknown;
}

/**
 * Error state of one form: field issues (client-side Zod or server `errors[]`) plus the
 * general error. Messages are derived at render time, so switching the language re-translates them.
 */
export function useFormErrors(known?: ReadonlySet<string>) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ issues: [], error: null });
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusSummary = useCallback(() => {
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  }, []);

  const showIssues = useCallback(
    (issues: FieldIssue[], error: unknown = null) => {
      setState({ issues: issues.map((i) => ({ ...i, field: nearestField(i.field, known) })), error });
      focusSummary();
    },
    [known, focusSummary],
  );

  const showError = useCallback(
    (error: unknown) => {
      const serverIssues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      showIssues(serverIssues, error);
    },
    [showIssues],
  );

  const clear = useCallback(() => setState({ issues: [], error: null }), []);

  const fields = useMemo(() => {
    const out: Record<string, string> = {};
    for (const issue of state.issues) out[issue.field] ??= fieldErrorMessage(issue, t);
    return out;
  }, [state.issues, t]);

  const hasErrors = state.issues.length > 0 || state.error !== null;
  const summary = !hasErrors ? null : state.error !== null ? errorMessage(state.error, t) : t('errors.validation_failed');
  const isConflict = state.error instanceof ApiError && state.error.status === 412;

  return {
    summary,
    fields,
    isConflict,
    summaryRef,
    showIssues,
    showError,
    clear,
    error: (path: string): string | undefined => fields[path],
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
