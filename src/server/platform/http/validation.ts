import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { AppError, type FieldError } from '../errors/app-error.js';

/** A NUL byte, or half of a surrogate pair: text PostgreSQL cannot store, or would store altered. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafe = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The paths (a.b.0.c) of every text in a parsed request part that cannot be stored as given. */
export function unsafeTextPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (unsafe(value)) out.push(path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeTextPaths(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (unsafe(k)) out.push([...path, k].join('.'));
      else unsafeTextPaths(v, [...path, k], out);
    }
  }
  return out;
}

/**
 * The route schemas' validator (Zod), with one rule for every text of every request before it: no
 * NUL byte and no lone surrogate, reported as a 422 at the field instead of failing in the database.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = validatorCompiler(route);
  const part = route.httpPart === 'body' ? '' : `${route.httpPart}.`;
  return (data) => {
    const paths = unsafeTextPaths(data);
    if (paths.length) {
      const errors: FieldError[] = paths.map((p) => ({
        field: `${part}${p}` || (route.httpPart ?? 'body'),
        code: 'invalid_string',
        message: 'Enthält ein unzulässiges Zeichen (Nullbyte oder unvollständiges Unicode-Zeichen).',
      }));
      return { error: new AppError('invalid_text', `${errors.length} Feld(er) mit unzulässigem Zeichen`, { errors }) };
    }
    return validate(data);
  };
};
