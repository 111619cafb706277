import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import type { HelpContent } from './content/types';
import './help.css';

/** The help of the language shown, loaded only when the page is opened (it is long and rarely read). */
const loadHelp = (lng: string): Promise<HelpContent> =>
  lng === 'en' ? import('./content/en').then((m) => m.helpEn) : import('./content/de').then((m) => m.helpDe);

/** Help per area of the app and the glossary of legal terms; `#<area>` or `#g-<term>` opens at that place. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'de';
  const { hash } = useLocation();
  const help = useQuery({ queryKey: ['help', lng], queryFn: () => loadHelp(lng), staleTime: Infinity });
  const content = help.data;

  // Open at the section the header's help link points to, and move focus there for keyboard and screen-reader users.
  useEffect(() => {
    if (!content || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }, [content, hash]);

  const title = content?.title ?? t('app.help');
  if (!content) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p className="kern-body" role="status">
          {help.isError ? t('app.helpUnavailable') : t('app.loading')}
        </p>
      </>
    );
  }
  const termOf = new Map(content.glossary.map((g) => [g.id, g.term]));
  return (
    <>
      <PageHeading title={content.title}>{content.title}</PageHeading>
      <p className="kern-body help-intro">{content.intro}</p>
      <nav aria-labelledby="help-contents" className="help-toc">
        <h2 id="help-contents" className="kern-heading-small">
          {content.contents}
        </h2>
        <ul className="kern-list">
          {content.sections.map((s) => (
            <li key={s.id}>
              <a className="kern-link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
          <li>
            <a className="kern-link" href="#glossary">
              {content.glossaryTitle}
            </a>
          </li>
        </ul>
      </nav>
      {content.sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="help-section">
          <h2 id={s.id} tabIndex={-1} className="kern-heading-medium">
            {s.title}
          </h2>
          {s.paragraphs.map((p, k) => (
            <p key={k} className="kern-body">
              {p}
            </p>
          ))}
          {s.steps && (
            <ol className="kern-list">
              {s.steps.map((step, k) => (
                <li key={k}>{step}</li>
              ))}
            </ol>
          )}
          {s.terms && (
            <p className="kern-body kern-body--small help-terms">
              {s.terms.map((id, k) => (
                <span key={id}>
                  {k > 0 && ' · '}
                  <a className="kern-link" href={`#g-${id}`}>
                    {termOf.get(id)}
                  </a>
                </span>
              ))}
            </p>
          )}
          <p className="kern-body kern-body--small">
            <a className="kern-link" href="#help-contents">
              {content.toTop}
            </a>
          </p>
        </section>
      ))}
      <section aria-labelledby="glossary" className="help-section">
        <h2 id="glossary" tabIndex={-1} className="kern-heading-medium">
          {content.glossaryTitle}
        </h2>
        <p className="kern-body">{content.glossaryIntro}</p>
        <dl className="help-glossary">
          {content.glossary.map((g) => (
            <div key={g.id} className="help-glossary__entry">
              <dt id={`g-${g.id}`} tabIndex={-1} className="kern-body kern-body--bold">
                {g.term}
              </dt>
              <dd className="kern-body">{g.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
