import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from '../api';
import type { FieldIssue } from '../i18n/errors';
import { useFormErrors } from '../lib/formErrors';
import { validate } from '../lib/validation';
import { useRefreshSustainment } from './queries';

interface Options<R> {
  run: (body: Record<string, unknown>) => Promise<R>;
  /** Contract schema checked before sending (the server's own). */
  schema?: z.ZodType;
  known?: ReadonlySet<string>;
  onDone?: (result: R) => void;
}

/**
 * The server's field issues; for `limit_exceeded` its message (with the figures, e.g. "höchstens
 * 1.234,56 €") is shown as it is, not replaced by the generic "zu groß".
 */
export function serverIssues(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError)) return [];
  const issues = err.problem.errors ?? [];
  return err.code === 'limit_exceeded' ? issues.map((i) => ({ ...i, code: 'limit' })) : issues;
}

/** One step as a small form: client check, request, field errors, refresh of the module's data. */
export function useStep<R = unknown>({ run, schema, known, onDone }: Options<R>) {
  const refresh = useRefreshSustainment();
  const errors = useFormErrors(known);
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      errors.clear();
      await refresh();
      onDone?.(result);
    },
    onError: (err) => errors.showIssues(serverIssues(err), err),
  });
  const submit = (body: Record<string, unknown>, clientIssues: FieldIssue[] = []) => {
    const checked = schema ? validate(schema, body) : null;
    const issues = [...clientIssues, ...(checked && !checked.ok ? checked.issues.filter((i) => !clientIssues.some((c) => c.field === i.field)) : [])];
    if (issues.length) {
      errors.showIssues(issues);
      return;
    }
    errors.clear();
    mutation.mutate(body);
  };
  return { errors, mutation, submit, error: mutation.error, reload: () => void refresh().then(() => (errors.clear(), mutation.reset())) };
}
