import type { ReactNode } from 'react';

export function DescriptionList({ items }: { items: { key: string; label: string; value: ReactNode }[] }) {
  return (
    <dl className="kern-description-list">
      {items.map((i) => (
        <div className="kern-description-list-item" key={i.key}>
          <dt className="kern-description-list-item__key">{i.label}</dt>
          <dd className="kern-description-list-item__value">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
