import { deCore } from './de.core';
import { deModules } from './de.modules';

/**
 * German UI texts (source of truth). Every key here must exist in en.ts – the type
 * `Messages` enforces it at compile time and i18n.test.ts checks it at runtime.
 */
export const de = { ...deModules, ...deCore };

/** Same shape as `de`, every leaf a string. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof de>;
