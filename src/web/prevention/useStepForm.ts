import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { validate } from '../lib/validation';
import { useCasePage } from './context';
import { preventionKeys, type PreventionCase } from './queries';

interface Options<B> {
  /** `key`: the Idempotency-Key of this submission (creating POSTs send it; reused when the same body is retried). */
  run: (body: B, key: string) => Promise<PreventionCase>;
  /** Contract schema checked before sending (the server's). */
  schema?: z.ZodType;
  known?: ReadonlySet<string>;
  /** After success: close the dialog, show a message. */
  onDone?: (result: PreventionCase) => void;
}

/** One step of the case as a small form: client check, request, field errors, the answered case shown at once. */
export function useStepForm<B>({ run, schema, known, onDone }: Options<B>) {
  const page = useCasePage();
  const queryClient = useQueryClient();
  const errors = useFormErrors(known);
  const idempotency = useIdempotencyKey();
  const mutation = useMutation({
    mutationFn: (body: B) => run(body, idempotency.current(body)),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: (result) => {
      errors.clear();
      queryClient.setQueryData(preventionKeys.case(result.id), result);
      void queryClient.invalidateQueries({ queryKey: ['prevention', 'list'] });
      onDone?.(result);
    },
    onError: (err) => errors.showError(err),
  });
  const submit = (body: B, extraIssues: Parameters<typeof errors.showIssues>[0] = []) => {
    const checked = schema ? validate(schema, body) : ({ ok: true } as const);
    const issues = [...extraIssues, ...(checked.ok ? [] : checked.issues.filter((i) => !extraIssues.some((x) => x.field === i.field)))];
    if (issues.length) {
      errors.showIssues(issues);
      return;
    }
    errors.clear();
    mutation.mutate(body);
  };
  const reset = () => {
    errors.clear();
    mutation.reset();
  };
  return { errors, mutation, submit, reset, error: mutation.error, reload: () => void page.refresh().then(reset) };
}
