import fc from 'fast-check';

/** A JSON Schema as @fastify/swagger writes it into the OpenAPI document (the parts the fuzzer reads). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Text that broke stores and parsers before: NUL, lone surrogates, RTL marks, SQL and HTML, very long. */
export const nastyText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\ud800',
    'x\udc00',
    '\u202eabc',
    "'; DROP TABLE users; --",
    '<script>x</script>',
    '{{x}}',
    '%00',
    '../..',
  ),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.repeat(400)),
);

const nastyNumber = fc.constantFrom(0, -1, 1, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 1e23);

const dates = fc.constantFrom('2026-12-05', '1899-12-31', '2026-02-30', '0000-00-00', '9999-12-31', '2026-1-1', '2026-12-05T10:00:00Z');
const timestamps = fc.constantFrom(
  '2026-12-05T10:00:00+01:00',
  '2026-12-05T10:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  'gestern',
);

/** Anything at all of the JSON kind: what a schema-blind client might send. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}, [null]),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value for a schema: mostly of the right shape (so requests pass validation and reach services), sometimes not. */
export function fromSchema(s: Schema | undefined, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: shaped(s, ids, depth) }, { weight: 1, arbitrary: garbage });
}

function shaped(s: Schema | undefined, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return garbage;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => shaped(a, ids, depth + 1)));
  if (s.allOf?.length) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return shaped(merged, ids, depth);
  }
  const types = [s.type ?? 'any'].flat();
  if (types.length > 1) return fc.oneof(...types.map((t) => shaped({ ...s, type: t }, ids, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 100_000, 100_000) }), nastyNumber);
    case 'string':
      if (s.format === 'uuid') return ids;
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return dates;
      if (s.format === 'date-time') return timestamps;
      if (s.format === 'email') return fc.oneof(fc.emailAddress(), nastyText);
      return fc.oneof(fc.string({ maxLength: Math.min(s.maxLength ?? 40, 40) }), nastyText);
    case 'array':
      return fc.array(fromSchema(s.items, ids, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.dictionary(fc.string({ maxLength: 8 }), garbage, { maxKeys: 3 });
      const required = new Set(s.required ?? []);
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, ids, depth + 1)])), {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
    default:
      return garbage;
  }
}
