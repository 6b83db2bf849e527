import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { chooseLanguage, LANGUAGES, type Language } from './i18n/index.js';
import { useSession } from './session.js';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, signOut, can } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="brand">{t('app.name')}</div>
        {session && (
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.register')}
                </NavLink>
              </li>
              {can('secretariat') && (
                <li>
                  <NavLink to="/desk/record">{t('nav.record')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/desk/check">{t('nav.check')}</NavLink>
              </li>
              <li>
                <NavLink to="/desk/deliveries">{t('nav.deliveries')}</NavLink>
              </li>
              {can('steward') && (
                <li>
                  <NavLink to="/desk/output-release">{t('nav.outputRelease')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/desk/schedule">{t('nav.schedule')}</NavLink>
              </li>
              {can('auditor') && (
                <li>
                  <NavLink to="/desk/audit">{t('nav.audit')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
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
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
