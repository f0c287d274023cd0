import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import type { FactValue } from '../../core/types.js';
import { setQuery, useLocation } from './router.js';
import { formatFacts, parseAsOf, parseCurrency, parseFacts, type ViewCurrency } from './url-state.data.js';

// What the user is looking at across screens: the as-of date and the scenario's fact switches. Both live in
// the URL (`asOf`, `facts`), so a link reproduces the view and back/forward step through the changes.

interface AppState {
  asOf: string | undefined;
  setAsOf: (date: string | undefined) => void;
  overrides: ReadonlyMap<string, FactValue>;
  setFact: (id: string, value: FactValue | undefined) => void;
  resetFacts: () => void;
  /** The currency money is shown in (`currency=USD` in the URL; EUR by default). */
  currency: ViewCurrency;
  setCurrency: (currency: ViewCurrency) => void;
}

const AppStateContext = createContext<AppState | null>(null);

/** Provide the as-of date and the fact switches, read from and written to the URL. */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const { query } = useLocation();
  const asOf = parseAsOf(query.get('asOf'));
  const factsText = query.get('facts');
  const overrides = useMemo(() => parseFacts(factsText), [factsText]);
  const setAsOf = useCallback((date: string | undefined) => setQuery({ asOf: date }), []);
  const setFact = useCallback((id: string, value: FactValue | undefined) => {
    const next = parseFacts(new URLSearchParams(window.location.search).get('facts'));
    if (value === undefined) next.delete(id);
    else next.set(id, value);
    setQuery({ facts: formatFacts(next) });
  }, []);
  const resetFacts = useCallback(() => setQuery({ facts: undefined }), []);
  const currency = parseCurrency(query.get('currency'));
  const setCurrency = useCallback((next: ViewCurrency) => setQuery({ currency: next === 'EUR' ? undefined : next }), []);
  const value = useMemo(() => ({ asOf, setAsOf, overrides, setFact, resetFacts, currency, setCurrency }), [asOf, setAsOf, overrides, setFact, resetFacts, currency, setCurrency]);
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

/** The as-of date and fact switches. */
export function useAppState(): AppState {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside AppStateProvider');
  return value;
}
