import { lazy, Suspense } from 'react';
import { useI18n, I18nProvider } from './i18n/i18n.js';
import type { Language } from './i18n/messages.js';
import { AppStateProvider, useAppState } from './lib/app-state.js';
import { Link, navigate, useLocation } from './lib/router.js';
import { OverviewPage } from './features/overview/overview.js';
import { LoginPage } from './features/login/login.js';
import { canRead } from './session/session.data.js';
import { SessionProvider, useSession } from './session/session.js';
import { matchRoute, NAVIGATION } from './routes.data.js';

// The shell: header with navigation, language, as-of date and session; the page of the current path.
// Every page but the overview and the login is loaded on demand.

const MapPage = lazy(() => import('./features/map/map.js'));
const PartyPage = lazy(() => import('./features/party/party.js'));
const PledgesPage = lazy(() => import('./features/pledges/pledges.js'));
const RequirementsPage = lazy(() => import('./features/requirements/requirements.js'));
const PurlPage = lazy(() => import('./features/purl/purl.js'));
const FinancingPage = lazy(() => import('./features/financing/financing.js'));
const AnalysisPage = lazy(() => import('./features/analysis/analysis.js'));
const TimelinePage = lazy(() => import('./features/timeline/timeline.js'));
const ChangesPage = lazy(() => import('./features/changes/changes.js'));
const SourcesPage = lazy(() => import('./features/sources/sources.js'));

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
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <header className="top">
        <div className="brand">
          <Link to="/" className="title">{t('app.title')}</Link>
          <span className="muted tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.path}>
                <Link to={item.path} aria-current={matchRoute(path).page === item.page ? 'page' : undefined}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="controls">
          <AsOfPicker />
          <LanguageSwitch />
          <SessionBox />
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
  const { t } = useI18n();
  const { session } = useSession();
  const route = matchRoute(path);
  if (session.kind === 'loading') return <p aria-busy="true">{t('common.loading')}</p>;
  if (route.page === 'login' || !canRead(session)) return <LoginPage />;
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
    case 'timeline':
      return <TimelinePage />;
    case 'changes':
      return <ChangesPage />;
    case 'sources':
      return <SourcesPage />;
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
  const { t } = useI18n();
  const { session, signOut } = useSession();
  if (session.kind === 'open') return <span className="muted">{t('session.open')}</span>;
  if (session.kind !== 'signed-in') return <Link to="/login">{t('session.signIn')}</Link>;
  const { user } = session;
  const role = user.role === 'delegate' ? t('role.delegate', { party: user.party ?? '' }) : t(`role.${user.role}`);
  return (
    <span className="session">
      <span data-testid="session-user">{t('session.as', { name: user.name, role })}</span>{' '}
      <button onClick={() => void signOut().then(() => navigate('/login'))}>{t('session.signOut')}</button>
    </span>
  );
}
