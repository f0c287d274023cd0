import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, apiRequest, setCsrfToken } from '../lib/api-client.js';
import { clearCache } from '../lib/cache.js';
import type { SessionState, SessionUser } from './session.data.js';

// The session: asks GET /api/session once; a server without the session route (404) has no access control.

interface SessionContextValue {
  session: SessionState;
  signIn: (name: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

interface SessionBody {
  user: SessionUser;
  csrfToken: string;
}

/** Provide the session to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });
  const adopt = useCallback((body: SessionBody) => {
    setCsrfToken(body.csrfToken);
    clearCache();
    setSession({ kind: 'signed-in', user: body.user, csrfToken: body.csrfToken });
  }, []);
  useEffect(() => {
    apiGet<SessionBody>('/api/session').then(adopt, (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) setSession({ kind: 'open' });
      else setSession({ kind: 'anonymous' });
    });
  }, [adopt]);
  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      signIn: async (name, password) => adopt(await apiRequest<SessionBody>('POST', '/api/session', { name, password })),
      signOut: async () => {
        await apiRequest<void>('DELETE', '/api/session').catch(() => undefined);
        setCsrfToken(null);
        clearCache();
        setSession({ kind: 'anonymous' });
      },
    }),
    [session, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and the sign-in/out actions. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
