import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../auth/RequirePermission';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { RestrictionBanner } from '../retention/RestrictionBanner';
import { errorMessage } from '../i18n/errors';
import { HouseholdEditor } from './HouseholdEditor';
import { useHousehold } from './queries';

export function HouseholdNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('household.newTitle')}>{t('household.newTitle')}</PageHeading>
      <HouseholdEditor />
    </>
  );
}

export function HouseholdEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useHousehold(id);
  // Bumped after "reload" so the editor starts again from the freshly loaded version.
  const [generation, setGeneration] = useState(0);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading title={t('household.edit')}>{t('household.edit')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
      </>
    );
  }
  const household = query.data;
  if (!household.actions.includes('update')) return <NoAccess />;
  const title = t('household.editTitle', { reference: household.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <RestrictionBanner householdId={household.id} />
      <HouseholdEditor
        key={`${household.id}-${generation}`}
        household={household}
        onReload={() => {
          void query.refetch().then(() => setGeneration((g) => g + 1));
        }}
      />
    </>
  );
}
