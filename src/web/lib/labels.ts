import { useTranslation } from 'react-i18next';
import { ROLES } from '../../contracts/common';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

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
  const { i18n } = useTranslation();
  const actions: Record<string, string> = (i18n.resolvedLanguage === 'en' ? en : de).auditActions;
  return (action: string): string => actions[action] ?? action;
}
