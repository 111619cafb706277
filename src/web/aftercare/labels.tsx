import { useTranslation } from 'react-i18next';
import type { TAftercareState } from '../../contracts/aftercare';
import type { TCarrierReportState } from '../../contracts/aftercareReports';
import { Badge } from '../sustainment/labels';

const STATE_BADGE: Record<TAftercareState, 'info' | 'success' | 'warning' | 'danger'> = {
  referred: 'warning',
  checked: 'info',
  granted: 'info',
  refused: 'danger',
  active: 'success',
  ended: 'info',
};

export function AftercareStateBadge({ state }: { state: TAftercareState }) {
  const { t } = useTranslation();
  return <Badge variant={STATE_BADGE[state]}>{t(`aftercare.state.${state}`)}</Badge>;
}

export function AnnualReportStateBadge({ state }: { state: TCarrierReportState }) {
  const { t } = useTranslation();
  return <Badge variant={state === 'submitted' ? 'success' : 'warning'}>{t(`aftercare.annualReport.state.${state}`)}</Badge>;
}
