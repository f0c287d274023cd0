import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError, apiGet } from '../../lib/api-client.js';
import { Link, navigate, useLocation } from '../../lib/router.js';
import type { DemoAccount } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { countryName } from '../../i18n/party-names.data.js';
import { describeAccount, safeNext } from './login.data.js';

// Sign in; with the demo data the server lists its demo accounts so a newcomer can try each role.

/** The sign-in page. */
export function LoginPage() {
  const { t, language } = useI18n();
  const { session, signIn } = useSession();
  const { path, query } = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<DemoAccount[]>([]);
  useEffect(() => {
    apiGet<DemoAccount[]>('/api/session/demo-accounts').then(setAccounts, () => setAccounts([]));
  }, []);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      await signIn(name, password);
      // Shown in place of a deep link, the page stays where it is; on /login it goes where `next` says.
      if (path === '/login') navigate(safeNext(query.get('next')), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  if (session.kind === 'open') return <p>{t('session.open')}</p>;
  return (
    <div className="login">
      <h1>{t('login.title')}</h1>
      {session.kind === 'anonymous' && <p>{t('login.required')}</p>}
      <form onSubmit={(event) => void submit(event)} className="panel form">
        <label htmlFor="login-name">{t('login.name')}</label>
        <input id="login-name" autoComplete="username" value={name} onChange={(event) => setName(event.target.value)} required />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        <button type="submit">{t('login.submit')}</button>
        {error && <p role="alert" className="error">{t('login.failed', { message: error })}</p>}
      </form>
      <p className="muted">
        <Link to="/public">{t('login.public')}</Link>
      </p>
      {accounts.length > 0 && (
        <section className="panel">
          <h2>{t('login.demo')}</h2>
          <ul className="demo-accounts">
            {accounts.map((account) => (
              <li key={account.name}>
                <button
                  onClick={() => {
                    setName(account.name);
                    setPassword(account.password);
                  }}
                >
                  {t('login.use', { name: account.name })}
                </button>{' '}
                {describeAccount(account, (key, vars) => t(key, vars), (id) => countryName(language, id))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
