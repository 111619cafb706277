import type { z } from 'zod';
import type { FieldIssue } from '../i18n/errors';

/** Turns a Zod error into field issues with dotted paths (`members.0.firstName`), like the server does. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const extra = issue as unknown as {
      origin?: string;
      minimum?: number | bigint;
      maximum?: number | bigint;
      format?: string;
      params?: Record<string, unknown>;
    };
    return {
      field: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
      origin: extra.origin,
      minimum: extra.minimum,
      maximum: extra.maximum,
      format: extra.format,
      params: extra.params,
    };
  });
}

export type Validated<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** Client-side check with the same contract schema the server uses. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: issuesFromZod(result.error) };
}

/**
 * Attaches an issue to the nearest field the form actually shows:
 * `needs.districtsAvoid.3` → `needs.districtsAvoid` if only the latter is a form field.
 */
export function nearestField(path: string, known: ReadonlySet<string> | undefined): string {
  if (!known) return path;
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (known.has(candidate)) return candidate;
    parts.pop();
  }
  return path;
}

/** DOM id of a form field, unique per form. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path}`.replace(/[^A-Za-z0-9_-]/g, '-');
}
