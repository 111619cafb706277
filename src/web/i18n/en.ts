import type { Messages } from './de';
import { enCore } from './en.core';
import { enModules } from './en.modules';

/** English UI texts; typed against the German source so no key can be missing or extra. */
export const en: Messages = { ...enModules, ...enCore };
