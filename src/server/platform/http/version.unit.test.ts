import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedVersion, MAX_VERSION, optionalVersion, parseIfMatch, versionField } from './version.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code: string }).code, status: (e as { status: number }).status };
  }
  return null;
};

describe('If-Match and version: one parser, one rule', () => {
  it('reads strong, weak and bare ETags', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"4"')).toBe(4);
    expect(parseIfMatch(' 5 ')).toBe(5);
    expect(parseIfMatch('"0"')).toBe(0);
    expect(parseIfMatch(`"${MAX_VERSION}"`)).toBe(MAX_VERSION);
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('answers a malformed If-Match with 400 and one naming no possible version with 412', () => {
    for (const bad of ['"abc"', '*', '', '"-1"', '"1.5"', '"3", "4"', '"3', 'W/3', '"1e3"'])
      expect(
        code(() => parseIfMatch(bad)),
        bad,
      ).toEqual({ code: 'validation_failed', status: 400 });
    for (const huge of ['"99999999999999999999999"', `"${MAX_VERSION + 1}"`, '"00000000000000000000003000000000"'])
      expect(
        code(() => parseIfMatch(huge)),
        huge,
      ).toEqual({ code: 'precondition_failed', status: 412 });
    expect(parseIfMatch('"000003"')).toBe(3);
  });

  it('takes If-Match or version, refuses disagreement and a missing one', () => {
    expect(expectedVersion('"3"', undefined)).toBe(3);
    expect(expectedVersion(undefined, 5)).toBe(5);
    expect(expectedVersion('W/"4"', 4)).toBe(4);
    expect(code(() => expectedVersion('"3"', 4))).toEqual({ code: 'precondition_failed', status: 412 });
    expect(code(() => expectedVersion(undefined, undefined))).toEqual({ code: 'precondition_required', status: 428 });
    expect(code(() => expectedVersion(undefined, MAX_VERSION + 1))).toEqual({ code: 'precondition_failed', status: 412 });
    expect(optionalVersion(undefined, undefined)).toBeUndefined();
  });

  it('finds the version field of a body schema, also in an intersection', () => {
    expect(versionField(z.object({ a: z.string(), version: z.number() }))).toBe('required');
    expect(versionField(z.object({ version: z.number().optional() }))).toBe('optional');
    expect(versionField(z.intersection(z.object({ a: z.string() }), z.object({ version: z.number() })))).toBe('required');
    expect(versionField(z.object({ textVersion: z.string() }))).toBeNull();
    expect(versionField(undefined)).toBeNull();
  });
});
