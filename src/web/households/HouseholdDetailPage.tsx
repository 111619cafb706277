import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { ConsentSection } from '../placement-admin/ConsentSection';
import { AccessLogSection } from './AccessLogSection';
import { AddressSection } from './AddressSection';
import { JournalSection } from './JournalSection';
import { ProgrammesSection } from './ProgrammesSection';
import { RestrictionBanner } from '../retention/RestrictionBanner';
import { RestrictionSection } from '../retention/RestrictionSection';
import { useHousehold, type Household } from './queries';

type Member = Household['members'][number];

export function HouseholdDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: 'saved' | 'created' } | null)?.flash;
  const query = useHousehold(id);
  const me = useMe();

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading title={t('households.title')}>{t('households.title')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/households" variant="secondary">
          {t('household.toList')}
        </ButtonLink>
      </>
    );
  }

  const h = query.data;
  const title = t('household.detailTitle', { reference: h.reference });
  const mayRequestAccess = can(me, 'privacy.request.create');
  const none = t('common.none');
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

  return (
    <>
      <PageHeading
        title={title}
        actions={
          h.actions.includes('update') || h.actions.includes('file') || mayRequestAccess || can(me, 'accommodation.search') ? (
            <>
              {can(me, 'accommodation.search') && (
                <ButtonLink to={`/accommodation/search/${h.id}`} variant="secondary">
                  {t('accommodation.search.link')}
                </ButtonLink>
              )}
              {mayRequestAccess && (
                <ButtonLink to={`/privacy/requests/new?household=${h.id}`} variant="secondary" title={t('privacy.householdActionTitle')}>
                  {t('privacy.householdAction')}
                </ButtonLink>
              )}
              {h.actions.includes('file') && (
                <a
                  className="kern-btn kern-btn--secondary"
                  href={`/api/v1/households/${h.id}/file.pdf?lang=${i18n.resolvedLanguage === 'en' ? 'en' : 'de'}`}
                  download
                  title={t('household.filePdfTitle')}
                >
                  <span className="kern-icon kern-icon--download" aria-hidden="true" />
                  <span className="kern-label">{t('household.filePdf')}</span>
                </a>
              )}
              {h.actions.includes('update') && (
                <ButtonLink to={`/households/${h.id}/edit`} icon="edit">
                  {t('household.edit')}
                </ButtonLink>
              )}
            </>
          ) : null
        }
      >
        {title}
      </PageHeading>

      <RestrictionBanner householdId={h.id} />
      {flash && (
        <Alert variant="success">
          <p className="kern-body">{flash === 'created' ? t('household.createdSuccess') : t('common.saved')}</p>
        </Alert>
      )}

      <Section id="master" title={t('household.masterData')}>
        <DescriptionList
          items={[
            { key: 'ref', label: t('household.reference'), value: h.reference },
            {
              key: 'situation',
              label: t('household.situation'),
              value: h.situationSince
                ? `${t(`situation.${h.situation}`)} (${t('household.situationSince')} ${formatDate(h.situationSince)})`
                : t(`situation.${h.situation}`),
            },
            { key: 'seeking', label: t('household.seekingHousing'), value: yesNo(h.seekingHousing) },
            {
              key: 'status',
              label: t('household.status'),
              value: h.status === 'active' ? t('household.statusActive') : t('household.statusClosed'),
            },
            { key: 'cm', label: t('household.caseManager'), value: h.caseManager?.displayName ?? t('household.unassigned') },
            { key: 'sw', label: t('household.socialWorker'), value: h.socialWorker?.displayName ?? t('household.unassigned') },
            { key: 'created', label: t('household.createdAt'), value: formatDateTime(h.createdAt) },
            { key: 'updated', label: t('household.updatedAt'), value: formatDateTime(h.updatedAt) },
          ]}
        />
      </Section>

      <Section id="members" title={t('household.members')}>
        <DataTable<Member>
          caption={t('household.members')}
          captionHidden
          rows={h.members}
          rowKey={(m) => m.id}
          empty={t('common.noEntries')}
          columns={[
            { key: 'name', header: t('households.col.name'), rowHeader: true, cell: (m) => `${m.firstName} ${m.lastName}` },
            { key: 'birth', header: t('household.birthDate'), cell: (m) => formatDate(m.birthDate) || none },
            { key: 'gender', header: t('household.gender'), cell: (m) => t(`gender.${m.gender}`) },
            { key: 'nat', header: t('household.nationality'), cell: (m) => m.nationality || none },
            { key: 'rel', header: t('household.relationship'), cell: (m) => t(`relationship.${m.relationship}`) },
            { key: 'phone', header: t('household.phone'), cell: (m) => m.phone || none },
            { key: 'email', header: t('household.email'), cell: (m) => m.email || none },
          ]}
        />
      </Section>

      <AddressSection householdId={h.id} canEdit={h.actions.includes('address.write')} />

      <ProgrammesSection householdId={h.id} />

      <Section id="needs" title={t('household.needs')}>
        <DescriptionList
          items={[
            { key: 'wheelchair', label: t('household.wheelchair'), value: yesNo(h.needs.wheelchair) },
            { key: 'stepFree', label: t('household.stepFree'), value: yesNo(h.needs.stepFree) },
            { key: 'pets', label: t('household.pets'), value: yesNo(h.needs.pets) },
            { key: 'avoid', label: t('household.districtsAvoid'), value: h.needs.districtsAvoid.join(', ') || none },
            { key: 'prefer', label: t('household.districtsPrefer'), value: h.needs.districtsPrefer.join(', ') || none },
            { key: 'notes', label: t('household.notes'), value: h.needs.notes ? <span className="preline">{h.needs.notes}</span> : none },
          ]}
        />
      </Section>

      <JournalSection householdId={h.id} canCreate={h.actions.includes('journal.create')} />
      <ConsentSection household={h} />
      <RestrictionSection householdId={h.id} />
      <AccessLogSection householdId={h.id} />
    </>
  );
}
