import type { ReactNode } from 'react';

/** A page section with an h2, labelled by it. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <div className="section__header">
        <h2 id={`${id}-title`} className="kern-heading-medium">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
