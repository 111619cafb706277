import { useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStoredText } from '../i18n/storedText';
import type { TNotification } from '../../contracts/notify';
import { ErrorAlert } from '../components/Alert';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './queries';
import './notify.css';

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** Header bell: unread count (polled every minute) and a popover with the newest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The bell polls the bare count; the list (an audited read) is loaded only while it is open.
  const count = useUnreadCount();
  const notifications = useNotifications(open);
  const markAll = useMarkAllRead();
  const unread = (open ? notifications.data?.unreadCount : undefined) ?? count.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className="kern-btn kern-btn--secondary bell" aria-label={label}>
        <BellIcon />
        {unread > 0 && (
          <span className="bell__badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Button>
      <Popover placement="bottom end" className="bell__popover">
        <Dialog className="bell__dialog" aria-labelledby="notifications-heading">
          {({ close }) => (
            <>
              <div className="bell__head">
                <Heading slot="title" id="notifications-heading" className="kern-title">
                  {t('notifications.title')}
                </Heading>
                {unread > 0 && (
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary"
                    onClick={() => markAll.mutate()}
                    disabled={markAll.isPending}
                  >
                    <span className="kern-label">{t('notifications.markAllRead')}</span>
                  </button>
                )}
              </div>
              {notifications.isError && <ErrorAlert message={errorMessage(notifications.error, t)} />}
              {markAll.isError && <ErrorAlert message={errorMessage(markAll.error, t)} />}
              {notifications.data && notifications.data.items.length === 0 && <p className="kern-body">{t('notifications.empty')}</p>}
              {notifications.data && notifications.data.items.length > 0 && (
                <ul className="bell__list">
                  {notifications.data.items.map((n) => (
                    <NotificationItem key={n.id} n={n} onNavigate={close} />
                  ))}
                </ul>
              )}
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

function NotificationItem({ n, onNavigate }: { n: TNotification; onNavigate: () => void }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const item = useRef<HTMLLIElement>(null);
  const isUnread = n.readAt === null;
  const stored = useStoredText();
  const title = stored.text(n.key && `${n.key}.title`, n.params, n.title);
  const body = n.body && stored.text(n.key && `${n.key}.body`, n.params, n.body);
  const open = () => {
    if (isUnread) markRead.mutate(n.id);
    onNavigate();
  };
  return (
    <li ref={item} tabIndex={-1} className={`bell__item${isUnread ? ' bell__item--unread' : ''}`}>
      <p className="kern-body kern-body--bold bell__title">
        {isUnread && <span className="bell__unread">{t('notifications.unread')}: </span>}
        {n.link ? (
          <Link className="kern-link" to={n.link} onClick={open}>
            {title}
          </Link>
        ) : (
          title
        )}
      </p>
      {body && <p className="kern-body kern-body--small">{body}</p>}
      <p className="kern-body kern-body--small bell__meta">{t('notifications.receivedAt', { date: formatDateTime(n.createdAt) })}</p>
      {isUnread && (
        <button
          type="button"
          className="kern-btn kern-btn--tertiary kern-btn--small"
          // The button goes away once read: focus stays in the popover, on this notification.
          onClick={() => markRead.mutate(n.id, { onSuccess: () => item.current?.focus() })}
          disabled={markRead.isPending}
          aria-label={t('notifications.markReadNamed', { title })}
        >
          <span className="kern-icon kern-icon--check" aria-hidden="true" />
          <span className="kern-label">{t('notifications.markRead')}</span>
        </button>
      )}
    </li>
  );
}
