import 'i18next';
import type { Messages } from './de';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // `modules` holds the module areas' keys, loaded after login and found through `fallbackNS`;
    // typed as the whole so `t` checks every key whichever chunk it comes from.
    resources: { translation: Messages; modules: Messages };
  }
}
