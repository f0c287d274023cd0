import { lazy, Suspense, useEffect, useState } from 'react';
import { useI18n, I18nProvider } from './i18n/i18n.js';
import type { Language, MessageKey } from './i18n/messages.js';
import { AppStateProvider, useAppState } from './lib/app-state.js';
import { usePageTitle } from './lib/page-title.js';
import { Link, navigate, useLocation } from './lib/router.js';
import { OverviewPage } from './features/overview/overview.js';
import { LoginPage } from './features/login/login.js';
import { countryName } from './i18n/party-names.data.js';
import { canCreateRecords, canRead } from './session/session.data.js';
import { SessionProvider, useSession } from './session/session.js';
import { matchRoute, NAVIGATION, titleKeyOf } from './routes.data.js';

// The shell: header with navigation, language, as-of date and session; the page of the current path.
// Every page but the overview and the login is loaded on demand.

const MapPage = lazy(() => import('./features/map/map.js'));
const PartyPage = lazy(() => import('./features/party/party.js'));
const PledgesPage = lazy(() => import('./features/pledges/pledges.js'));
const RequirementsPage = lazy(() => import('./features/requirements/requirements.js'));
const PurlPage = lazy(() => import('./features/purl/purl.js'));
const FinancingPage = lazy(() => import('./features/financing/financing.js'));
const AnalysisPage = lazy(() => import('./features/analysis/analysis.js'));
const SanctionsPage = lazy(() => import('./features/sanctions/sanctions.js'));
const GuaranteesPage = lazy(() => import('./features/guarantees/guarantees.js'));
const TimelinePage = lazy(() => import('./features/timeline/timeline.js'));
const ChangesPage = lazy(() => import('./features/changes/changes.js'));
const SourcesPage = lazy(() => import('./features/sources/sources.js'));
const PublicPage = lazy(() => import('./features/public/public.js'));
const IngestPage = lazy(() => import('./features/ingest/ingest.js'));
const IncidentsPage = lazy(() => import('./features/incidents/incidents.js'));

/** The whole app with its providers. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <AppStateProvider>
          <Shell />
        </AppStateProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const { session } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const signedIn = canRead(session);
  // A phone shows the menu behind a button; following a link closes it.
  useEffect(() => setMenuOpen(false), [path, search]);
  return (
    <>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <header className={menuOpen ? 'top menu-open' : 'top'}>
        <div className="brand">
          <Link to="/" className="title">{t('app.title')}</Link>
          <span className="muted tagline">{t('app.tagline')}</span>
        </div>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="header-menu" onClick={() => setMenuOpen((open) => !open)}>
          {menuOpen ? t('nav.closeMenu') : t('nav.menu')}
        </button>
        <div id="header-menu" className="header-menu">
          {signedIn && (
            <nav aria-label={t('nav.main')}>
              <ul>
                {NAVIGATION.filter((item) => item.page !== 'ingest' || canCreateRecords(session)).map((item) => (
                  <li key={item.path}>
                    <Link to={item.path} aria-current={matchRoute(path).page === item.page ? 'page' : undefined}>{t(item.label)}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="controls">
            {signedIn && <AsOfPicker />}
            <LanguageSwitch />
            <SessionBox />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
          <Page path={path} />
        </Suspense>
      </main>
    </>
  );
}

function Page({ path }: { path: string }) {
  const { session } = useSession();
  const route = matchRoute(path);
  const showLogin = route.page === 'login' || (route.page !== 'public' && session.kind !== 'loading' && !canRead(session));
  // The route's title first; a page naming a record (a party, a pledge) sets its own after it.
  return (
    <>
      <RouteTitle titleKey={showLogin ? 'login.title' : titleKeyOf(route.page)} />
      <RoutePage route={route} showLogin={showLogin} />
    </>
  );
}

function RouteTitle({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  usePageTitle(t(titleKey), t('app.title'));
  return null;
}

function RoutePage({ route, showLogin }: { route: ReturnType<typeof matchRoute>; showLogin: boolean }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (route.page === 'public') return <PublicPage />;
  if (session.kind === 'loading') return <p aria-busy="true">{t('common.loading')}</p>;
  if (showLogin) return <LoginPage />;
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'map':
      return <MapPage />;
    case 'party':
      return <PartyPage id={route.id ?? ''} />;
    case 'pledges':
      return <PledgesPage id={route.id} />;
    case 'requirements':
      return <RequirementsPage />;
    case 'purl':
      return <PurlPage />;
    case 'financing':
      return <FinancingPage />;
    case 'analysis':
      return <AnalysisPage />;
    case 'sanctions':
      return <SanctionsPage />;
    case 'guarantees':
      return <GuaranteesPage />;
    case 'timeline':
      return <TimelinePage />;
    case 'changes':
      return <ChangesPage />;
    case 'sources':
      return <SourcesPage />;
    case 'ingest':
      return <IngestPage />;
    case 'incidents':
      return <IncidentsPage />;
    default:
      return <p>{t('notFound')}</p>;
  }
}

function AsOfPicker() {
  const { t } = useI18n();
  const { asOf, setAsOf } = useAppState();
  return (
    <span className="as-of">
      <label htmlFor="as-of">{t('asOf.label')}</label>{' '}
      <input id="as-of" type="date" value={asOf ?? ''} onChange={(event) => setAsOf(event.target.value || undefined)} />
      {asOf && <button onClick={() => setAsOf(undefined)}>{t('asOf.clear')}</button>}
    </span>
  );
}

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <span>
      <label htmlFor="language">{t('lang.label')}</label>{' '}
      <select id="language" value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
    </span>
  );
}

function SessionBox() {
  const { t, language } = useI18n();
  const { session, signOut } = useSession();
  if (session.kind === 'open') return <span className="muted">{t('session.open')}</span>;
  const { path } = useLocation();
  if (session.kind !== 'signed-in') return path === '/login' ? null : <Link to={`/login?next=${encodeURIComponent(path)}`}>{t('session.signIn')}</Link>;
  const { user } = session;
  const role = user.role === 'delegate' ? t('role.delegate', { party: countryName(language, user.party ?? '') }) : t(`role.${user.role}`);
  return (
    <span className="session">
      <span data-testid="session-user">{t('session.as', { name: user.name, role })}</span>{' '}
      <button onClick={() => void signOut().then(() => navigate('/login'))}>{t('session.signOut')}</button>
    </span>
  );
}
