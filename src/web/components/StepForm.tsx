import { useRef, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api';
import { fieldErrorMessage, type FieldIssue } from '../i18n/errors';
import { useFormErrors } from '../lib/formErrors';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId } from '../lib/validation';

/** The paths of a form's values that hold text, or nothing yet (inputs, selects and text areas bind to them). */
type TextPath<V extends FieldValues> = { [P in Path<V>]: PathValue<V, P> extends string | null | undefined ? P : never }[Path<V>];

export interface StepFormOptions<V extends FieldValues, S extends z.ZodType, R> {
  /** The contract schema the server checks the body with; the form checks it first (Zod resolver). */
  schema: S;
  /** The form's values (as typed: money in euros, lists as text, …). */
  defaultValues?: DefaultValues<V>;
  /** The form's DOM id: the prefix of the field ids `field` hands out (`fieldId(formId, path)`). */
  formId?: string;
  /**
   * Form values → request body, before the schema check (euros → cents, local times → ISO, …);
   * `issues` are problems found on the way (an unreadable amount), shown with the schema's.
   */
  toBody?: (values: V) => { body: unknown; issues?: FieldIssue[] };
  /** Sends the checked body; `key` is this submission's Idempotency-Key (creating POSTs send it). */
  run: (body: z.output<S>, key: string) => Promise<R>;
  /** The fields the form shows: an issue on a deeper path is attached to the nearest of them. */
  known?: ReadonlySet<string>;
  /** After success, before `onDone`: bring the page up to date (awaited). */
  refresh: (result: R) => unknown;
  /** After success and the refresh: close the dialog, show a message. */
  onDone?: (result: R) => void;
  /** Reloads the record after a conflict (412); a form that holds the record's values resets `form` to the latest. */
  reload: (form: UseFormReturn<V, unknown, z.output<S>>) => Promise<unknown>;
  /** The field issues of a failed call; default: the problem's `errors[]`. */
  serverIssues?: (err: unknown) => FieldIssue[];
}

const problemIssues = (err: unknown): FieldIssue[] => (err instanceof ApiError ? (err.problem.errors ?? []) : []);

/** RHF's nested errors → field issues with dotted paths (`members.0.firstName`). */
function flatten(errors: FieldErrors, prefix = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = key === 'root' ? prefix.replace(/\.$/, '') : `${prefix}${key}`;
    const v = value as { type?: unknown; message?: unknown };
    // The message is already the user's text (the resolver's error map), hence no further mapping.
    if (typeof v.type === 'string' && typeof v.message === 'string') out.push({ field: path, code: 'resolved', message: v.message });
    out.push(...flatten(value as FieldErrors, `${path}.`).filter((i) => i.field !== path));
  }
  return out;
}

/**
 * One step of a case, offer or tenancy as a small form, on react-hook-form: the values live in
 * the form, the Zod resolver checks the request body with the contract schema (messages in the
 * user's language), the typed body is sent, server field errors (problem+json `errors[]`) appear
 * at the fields, then the page is refreshed.
 */
export function useStepForm<V extends FieldValues, S extends z.ZodType, R>(options: StepFormOptions<V, S, R>) {
  const { schema, defaultValues, formId = '', toBody, run, known, refresh, onDone, reload, serverIssues = problemIssues } = options;
  const { t } = useTranslation();
  const errors = useFormErrors(known);
  const idempotency = useIdempotencyKey();
  // The resolver reads the latest schema, toBody and language (a dialog's props may change).
  const latest = useRef({ schema, toBody, t });
  latest.current = { schema, toBody, t };
  const resolver: Resolver<V, unknown, z.output<S>> = async (values, context, opts) => {
    const { schema, toBody, t } = latest.current;
    const { body, issues = [] } = toBody ? toBody(values) : { body: values };
    const zod = zodResolver(schema as never, {
      error: (iss: {
        code: string;
        message?: string;
        origin?: string;
        minimum?: number | bigint;
        maximum?: number | bigint;
        format?: string;
        params?: Record<string, unknown>;
      }) =>
        fieldErrorMessage(
          {
            field: '',
            code: iss.code,
            message: iss.message ?? '',
            origin: iss.origin,
            minimum: iss.minimum,
            maximum: iss.maximum,
            format: iss.format,
            params: iss.params,
          },
          t,
        ),
    }) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
    const result = await zod(body as FieldValues, context, opts as never);
    if (issues.length === 0) return result as never;
    // Issues of the same field: the caller's own check wins over the schema's (also on nested paths).
    const merged: Record<string, { type: string; message: string }> = {};
    for (const i of issues) merged[i.field] ??= { type: i.code, message: fieldErrorMessage(i, t) };
    for (const i of flatten(result.errors ?? {})) merged[i.field] ??= { type: i.code, message: i.message };
    return { values: {}, errors: merged } as never;
  };
  const form = useForm<V, unknown, z.output<S>>({ defaultValues, resolver, reValidateMode: 'onSubmit' });

  const mutation = useMutation({
    mutationFn: (body: z.output<S>) => run(body, idempotency.current(body)),
    onSettled: (_d, err) => idempotency.settle(err),
    onSuccess: async (result) => {
      errors.clear();
      await refresh(result);
      onDone?.(result);
    },
    onError: (err) => errors.showIssues(serverIssues(err), err),
  });

  const submit = form.handleSubmit(
    (body) => {
      errors.clear();
      mutation.mutate(body);
    },
    (fieldErrors) => errors.showIssues(flatten(fieldErrors)),
  );

  return {
    form,
    /** Current values (re-rendered on change), for controlled inputs. */
    values: form.watch(),
    /** Sets one value (controlled inputs call it on change); the form counts as changed (`formState.isDirty`). */
    set: <K extends keyof V & string>(name: K, value: V[K]) => form.setValue(name as never, value as never, { shouldDirty: true }),
    /**
     * The props of a shared text, select or text-area field (components/Field) bound to the text
     * value at `name` (also nested: `data.amountCents`): its id, value, change handler and the German
     * message of its issue. `path`: where the body carries the value, if not at `name` (an issue of
     * `clearing.monthlyIncomeCents` belongs to the input `monthlyIncome`).
     */
    field: <P extends TextPath<V>>(name: P, path: string = name) => ({
      id: fieldId(formId, path),
      value: (form.getValues(name) ?? '') as string,
      error: errors.error(path),
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        form.setValue(name, e.target.value as PathValue<V, P>, { shouldDirty: true }),
    }),
    errors,
    mutation,
    error: mutation.error,
    submit: () => void submit(),
    reset: () => {
      errors.clear();
      mutation.reset();
    },
    reload: () =>
      void reload(form).then(() => {
        errors.clear();
        mutation.reset();
      }),
  };
}

export type StepForm = ReturnType<typeof useStepForm>;
