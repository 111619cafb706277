import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../lib/hooks';

let firstPage = true;

/**
 * The page's single <h1>. Sets the document title and, after client-side navigation,
 * moves focus to the heading so screen-reader users learn the new page.
 */
export function PageHeading({ children, title, actions }: { children: ReactNode; title: string; actions?: ReactNode }) {
  useDocumentTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-heading">
      <h1 className="kern-heading-large" tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions ? <div className="page-heading__actions">{actions}</div> : null}
    </div>
  );
}
