import { useTranslation } from 'react-i18next';
import { ROLES } from '../../contracts/common';
import { useTexts } from '../i18n/useTexts';

export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string | null | undefined): string =>
    role && (ROLES as readonly string[]).includes(role) ? t(`roles.${role as (typeof ROLES)[number]}`) : (role ?? t('common.none'));
}

export function useOutcomeLabel() {
  const { t } = useTranslation();
  return (outcome: string): string =>
    outcome === 'success' || outcome === 'denied' || outcome === 'failure' ? t(`audit.outcomes.${outcome}`) : outcome;
}

/** Audit action code (`household.read`) → readable text; unknown codes are shown as they are. */
export function useActionLabel() {
  const actions: Record<string, string> = useTexts().auditActions;
  return (action: string): string => actions[action] ?? action;
}

/** Every audit action code with its text in the UI language, sorted by text (for the filter's select). */
export function useActionOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const actions: Record<string, string> = useTexts().auditActions;
  return Object.entries(actions)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.resolvedLanguage));
}

/** Audit entity type (`prevention_case`) → readable text; unknown types are shown as they are. */
export function useEntityTypeLabel() {
  const types: Record<string, string> = useTexts().auditEntities;
  return (type: string): string => types[type] ?? type;
}
