import { useTranslation } from 'react-i18next';
import type { TPrivacyRequestState } from '../../contracts/privacy';
import { Badge } from '../sustainment/labels';

const STATE_BADGE: Record<TPrivacyRequestState, 'info' | 'success' | 'warning' | 'danger'> = {
  received: 'warning',
  in_progress: 'info',
  produced: 'info',
  handed_over: 'success',
  refused: 'danger',
};

export function RequestStateBadge({ state }: { state: TPrivacyRequestState }) {
  const { t } = useTranslation();
  return <Badge variant={STATE_BADGE[state]}>{t(`privacy.state.${state}`)}</Badge>;
}
