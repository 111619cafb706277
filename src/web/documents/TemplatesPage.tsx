import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { can } from '../auth/can';
import { useTemplates, type TemplateSummary } from './queries';

/** Admin list of document kinds: which use the default text and which the agency has adapted. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const templates = useTemplates();
  return (
    <>
      <PageHeading title={t('documentTemplates.title')}>{t('documentTemplates.title')}</PageHeading>
      <p className="kern-body">{t('documentTemplates.intro')}</p>
      {!can(me, 'template.update') && <p className="kern-body">{t('documentTemplates.readOnly')}</p>}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorAlert message={errorMessage(templates.error, t)} />
      ) : (
        <DataTable<TemplateSummary>
          caption={t('documentTemplates.caption')}
          rows={templates.data}
          rowKey={(r) => r.kind}
          empty={t('common.noEntries')}
          columns={[
            {
              key: 'title',
              header: t('documentTemplates.colDocument'),
              rowHeader: true,
              cell: (r) => (
                <Link className="kern-link" to={`/admin/templates/${r.kind}`}>
                  {t(`documentTemplates.kind.${r.kind}`)}
                </Link>
              ),
            },
            {
              // The title printed in the PDF: the agency's own text, German like the letter itself.
              key: 'pdfTitle',
              header: t('documentTemplates.colPdfTitle'),
              cell: (r) => <span lang="de">{r.title}</span>,
            },
            {
              key: 'status',
              header: t('documentTemplates.colStatus'),
              cell: (r) =>
                r.customised ? t('documentTemplates.statusCustom', { version: r.version }) : t('documentTemplates.statusDefault'),
            },
            {
              key: 'updated',
              header: t('documentTemplates.colUpdated'),
              cell: (r) => (r.updatedAt ? formatDateTime(r.updatedAt) : t('common.none')),
            },
          ]}
        />
      )}
    </>
  );
}
