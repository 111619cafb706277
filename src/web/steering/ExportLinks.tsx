import { useTranslation } from 'react-i18next';
import { exportHrefs } from './reportQueries';

/** Downloads of the period's figures (XLSX, PDF) and of the year's anonymised annual report. */
export function SteeringExports({ from, to, year }: { from: string; to: string; year: number }) {
  const { t, i18n } = useTranslation();
  const href = exportHrefs(from, to, year, i18n.resolvedLanguage ?? 'de');
  const links = [
    { key: 'xlsx', href: href.xlsx, label: t('steeringReports.exportXlsx') },
    { key: 'pdf', href: href.pdf, label: t('steeringReports.exportPdf') },
    { key: 'annual', href: href.annual, label: t('steeringReports.annualReport', { year }) },
  ];
  return (
    <nav className="export-links steering-exports" aria-label={t('steeringReports.exportsHeading')}>
      {links.map((l) => (
        <a key={l.key} className="kern-btn kern-btn--tertiary" href={l.href} download>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{l.label}</span>
        </a>
      ))}
    </nav>
  );
}
