import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { useFormErrors } from '../lib/formErrors';
import { validate } from '../lib/validation';
import { useOfferPage } from './context';

interface Options<B, R> {
  run: (body: B) => Promise<R>;
  /** Contract schema checked before sending (same as the server's). */
  schema?: z.ZodType;
  known?: ReadonlySet<string>;
  /** After success and the refresh: close the dialog, show a message. */
  onDone?: (result: R) => void;
}

/** One step of the offer as a small form: client check, request, field errors, refresh of the page. */
export function useStepForm<B, R = unknown>({ run, schema, known, onDone }: Options<B, R>) {
  const page = useOfferPage();
  const errors = useFormErrors(known);
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      errors.clear();
      await page.refresh();
      onDone?.(result);
    },
    onError: (err) => errors.showError(err),
  });
  const submit = (body: B) => {
    if (schema) {
      const checked = validate(schema, body);
      if (!checked.ok) {
        errors.showIssues(checked.issues);
        return;
      }
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
