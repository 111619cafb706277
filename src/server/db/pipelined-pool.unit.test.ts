import { describe, expect, it } from 'vitest';
import { inlineParameters } from './pipelined-pool.js';

describe('inlining parameters', () => {
  it('quotes every value as pg would send it, escaping quotes and backslashes', () => {
    expect(inlineParameters('select $1, $2, $3, $10', ["O'Brien", 5, null, ...Array(6).fill('x'), 'zehn'])).toBe("select 'O''Brien', '5', NULL, 'zehn'");
    // pg puts a space before E'' so the literal never joins a preceding identifier.
    expect(inlineParameters('select $1', ['a\\b'])).toBe("select  E'a\\\\b'");
    expect(inlineParameters('select $1', [true])).toBe("select 'true'");
    expect(inlineParameters('select $1', [new Date('2026-11-21T10:00:00Z')])).toMatch(/^select '2026-11-21T\d\d:00:00\.000[+-]\d\d:\d\d'$/);
  });
  it('writes a Buffer as a hex bytea literal', () => {
    expect(inlineParameters('insert into t values ($1)', [Buffer.from([0x25, 0x50, 0x00, 0xff, 0x27])])).toBe("insert into t values ('\\x255000ff27')");
  });
  it('leaves text without parameters alone, even with dollar signs in it', () => {
    expect(inlineParameters("insert into t values ('kostet $1')", [])).toBe("insert into t values ('kostet $1')");
  });
  it('refuses a placeholder without a value', () => {
    expect(() => inlineParameters('select $2', ['a'])).toThrow();
  });
});
