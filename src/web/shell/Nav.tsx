import { useEffect, useState } from 'react';
import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { can, needsTotpEnrolment } from '../auth/can';
import { useMediaQuery } from '../lib/hooks';
import { isBuilt } from '../modulePages';
import { activeNavId, NAV_GROUPS, NAV_ITEMS, navLabelKey } from './navItems';

/** Below this width the menu folds behind a button, so the page's content comes first. */
const NARROW = '(max-width: 48rem)';

export function Nav() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const narrow = useMediaQuery(NARROW);
  const [open, setOpen] = useState(false);
  const locked = needsTotpEnrolment(me);
  const visible = NAV_ITEMS.filter((item) => isBuilt(item.id) && (locked ? item.id === 'security' : can(me, item.permission)));
  const active = activeNavId(visible, pathname);

  // Following a link closes the folded menu.
  useEffect(() => setOpen(false), [pathname]);

  const groups = NAV_GROUPS.map((group) => {
    const items = visible.filter((i) => i.group === group.id);
    if (items.length === 0) return null;
    const labelId = `nav-group-${group.id}`;
    return (
      <div className="app-nav__group" key={group.id}>
        {group.labelKey && (
          <p className="app-nav__group-label" id={labelId}>
            {t(me.role === 'provider_user' && group.providerLabelKey ? group.providerLabelKey : group.labelKey)}
          </p>
        )}
        <ul className="app-nav__list" aria-labelledby={group.labelKey ? labelId : undefined}>
          {items.map((item) => (
            <li key={item.id}>
              <Link to={item.path} className="app-nav__link" aria-current={item.id === active ? 'page' : undefined}>
                {t(navLabelKey(item, me.role))}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  });

  return (
    <nav className="app-nav" aria-label={t('app.mainNav')}>
      {narrow ? (
        <Disclosure isExpanded={open} onExpandedChange={setOpen}>
          <Button slot="trigger" className="kern-btn kern-btn--secondary app-nav__toggle">
            <span className={`kern-icon kern-icon--${open ? 'close' : 'dehaze'}`} aria-hidden="true" />
            <span className="kern-label">{t('app.menu')}</span>
          </Button>
          <DisclosurePanel className="app-nav__panel">{groups}</DisclosurePanel>
        </Disclosure>
      ) : (
        groups
      )}
    </nav>
  );
}
