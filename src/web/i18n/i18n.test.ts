import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';

type Tree = { [k: string]: string | Tree };

function leaves(obj: Tree, prefix: string[] = []): [string[], string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [[[...prefix, k], v] as [string[], string]] : leaves(v, [...prefix, k]),
  );
}
const keyOf = (path: string[]) => path.join(' › ');

describe('translations', () => {
  const deLeaves = new Map(leaves(de as Tree).map(([p, v]) => [keyOf(p), v]));
  const enLeaves = new Map(leaves(en as Tree).map(([p, v]) => [keyOf(p), v]));

  it('en has exactly the keys of de', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...deLeaves.keys()].sort());
  });
  it('has no empty texts', () => {
    const empty = [...deLeaves, ...enLeaves].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
  it('keeps interpolation placeholders identical across languages', () => {
    const placeholders = (s: string | undefined) => (s?.match(/\{\{[^}]+\}\}/g) ?? []).sort().join();
    for (const [key, value] of deLeaves) expect(placeholders(enLeaves.get(key)), key).toBe(placeholders(value));
  });
});
