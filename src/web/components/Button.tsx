import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

type Variant = 'primary' | 'secondary' | 'tertiary';

export function Button({
  variant = 'primary',
  icon,
  children,
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; icon?: string; children: ReactNode }) {
  return (
    <button type={type} className={`kern-btn kern-btn--${variant} ${className ?? ''}`} {...rest}>
      {icon && <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />}
      <span className="kern-label">{children}</span>
    </button>
  );
}

/** A link that looks like a KERN button (navigation, e.g. "Haushalt anlegen"). */
export function ButtonLink({
  variant = 'primary',
  icon,
  children,
  className,
  ...rest
}: LinkProps & { variant?: Variant; icon?: string; children: ReactNode }) {
  return (
    <Link className={`kern-btn kern-btn--${variant} ${className ?? ''}`} {...rest}>
      {icon && <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />}
      <span className="kern-label">{children}</span>
    </Link>
  );
}
