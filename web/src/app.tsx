/**
 * The desk's frame: the header with the language switch and the sections, and the router. The
 * applicant's pages are in the entry chunk; officials' and the Agency's pages load on demand.
 */

import { useMemo, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import {
  changeLanguage,
  i18n,
  LanguageContext,
  languages,
  type Language,
  type LanguageState,
  useI18n,
} from './i18n/index.js';
import { FilePage } from './pages/file.js';
import { FollowPage } from './pages/follow.js';
import { HomePage } from './pages/home.js';

const Desk = lazy(() => import('./desk/desk.js').then((module) => module.DeskRoutes));

const languageNames: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский' };

function Header() {
  const { t, language, setLanguage } = useI18n();
  const { path } = useLocation();
  const links = [
    ['/', t('app.home')],
    ['/file', t('app.file')],
    ['/follow', t('app.follow')],
    ['/desk', t('app.desk')],
  ] as const;
  return (
    <header class="site-header">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <div class="brand">
        <a href="/" class="brand-name">
          {t('app.title')}
        </a>
        <p class="tagline">{t('app.tagline')}</p>
      </div>
      <nav aria-label={t('app.title')}>
        <ul class="nav">
          {links.map(([href, label]) => {
            const current = href === '/' ? path === '/' : path.startsWith(href);
            return (
              <li key={href}>
                <a href={href} aria-current={current ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div class="languages" role="group" aria-label={t('app.language')}>
        {languages.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={code === language}
            onClick={() => {
              setLanguage(code);
            }}
          >
            {languageNames[code]}
          </button>
        ))}
      </div>
    </header>
  );
}

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const [language, setCurrent] = useState<Language>(initialLanguage);
  const state = useMemo<LanguageState>(
    () => ({
      language,
      t: (key, options) => i18n.t(key, { ...options, lng: language }),
      setLanguage: (next) => {
        void changeLanguage(next).then(() => {
          setCurrent(next);
        });
      },
    }),
    [language],
  );
  return (
    <LanguageContext.Provider value={state}>
      <LocationProvider>
        <Header />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={HomePage} />
              <Route path="/file" component={FilePage} />
              <Route path="/follow" component={FollowPage} />
              <Route path="/desk" component={Desk} />
              <Route path="/desk/*" component={Desk} />
              <Route default component={HomePage} />
            </Router>
          </ErrorBoundary>
        </main>
      </LocationProvider>
    </LanguageContext.Provider>
  );
}
