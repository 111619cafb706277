import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  variant: AlertVariant;
  title?: string;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
  /** Announce immediately (errors); success/info use a polite status region. */
  assertive?: boolean;
  focusable?: boolean;
}

const ICON: Record<AlertVariant, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger' };

export function Alert({ variant, title, children, ref, assertive, focusable }: AlertProps) {
  const { t } = useTranslation();
  const defaultTitle = { info: t('common.info'), success: t('common.success'), warning: t('common.warning'), danger: t('common.error') }[
    variant
  ];
  const role = (assertive ?? variant === 'danger') ? 'alert' : 'status';
  return (
    <div ref={ref} className={`kern-alert kern-alert--${variant} app-alert`} role={role} tabIndex={focusable ? -1 : undefined}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${ICON[variant]}`} aria-hidden="true" />
        <span className="kern-title">{title ?? defaultTitle}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** Alert for a failed query or mutation. */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <Alert variant="danger">
      <p className="kern-body">{message}</p>
      {children}
    </Alert>
  );
}
