import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from './api/types.js';
import { chooseLanguage, LANGUAGES, type Language } from './i18n/index.js';
import { useSession } from './session.js';

/** The main menu: each link with the roles that see it (none: everyone signed in). */
const MENU: { to: string; label: string; roles?: Role[] }[] = [
  { to: '/', label: 'nav.register' },
  { to: '/desk/record', label: 'nav.record', roles: ['secretariat'] },
  { to: '/desk/check', label: 'nav.check' },
  { to: '/desk/deliveries', label: 'nav.deliveries' },
  { to: '/desk/output-release', label: 'nav.outputRelease', roles: ['steward'] },
  { to: '/desk/schedule', label: 'nav.schedule' },
  { to: '/desk/audit', label: 'nav.audit', roles: ['auditor'] },
];

function Menu() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        {MENU.filter((item) => !item.roles || can(...item.roles)).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The language switch, who is signed in, and the way out. */
function Tools() {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  return (
    <div className="tools">
      <label className="language">
        <span className="visually-hidden">{t('nav.language')}</span>
        <select value={i18n.language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {session && (
        <>
          <span className="who">{t('nav.signedInAs', { actor: session.actor, role: t(`roles.${session.role}`) })}</span>
          <button type="button" className="link" onClick={() => signOut()}>
            {t('nav.signOut')}
          </button>
        </>
      )}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="brand">{t('app.name')}</div>
        {session && <Menu />}
        <Tools />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
