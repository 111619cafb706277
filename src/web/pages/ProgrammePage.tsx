import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { PageHeading } from '../components/PageHeading';
import type { ProgrammeId } from '../shell/navItems';

/** Neutral page for a programme module that is not built yet. */
export function ProgrammePage({ programme }: { programme: ProgrammeId }) {
  const { t } = useTranslation();
  const title = t(`programmes.${programme}.title`);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body kern-body--large">{t(`programmes.${programme}.description`)}</p>
      <Alert variant="info">
        <p className="kern-body">{t('programmes.inSetup')}</p>
      </Alert>
    </>
  );
}
