import { useTranslation } from 'react-i18next';

/**
 * Labels of what the server names by id (module, section kind, work type): a module that plugs in
 * later brings its texts under `desk.modules` / `desk.kinds`; until then its id is shown.
 */
export function useDeskLabels() {
  const { t, i18n } = useTranslation();
  const label = (key: string, fallback: string): string => (i18n.exists(key) ? String(t(key as never)) : fallback);
  return {
    module: (module: string) => label(`desk.modules.${module}`, module),
    kind: (kind: string) => label(`desk.kinds.${kind}`, kind),
    type: (type: string) => label(`desk.types.${type}`, type),
    role: (role: string) => label(`roles.${role}`, role),
  };
}
