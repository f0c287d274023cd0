import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { FactValue } from '../../core/types.js';

// What the user is looking at across screens: the as-of date and the scenario's fact switches.

interface AppState {
  asOf: string | undefined;
  setAsOf: (date: string | undefined) => void;
  overrides: ReadonlyMap<string, FactValue>;
  setFact: (id: string, value: FactValue | undefined) => void;
  resetFacts: () => void;
}

const AppStateContext = createContext<AppState | null>(null);

/** Provide the as-of date and the fact switches. */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, FactValue>>(new Map());
  const setFact = useCallback((id: string, value: FactValue | undefined) => {
    setOverrides((previous) => {
      const next = new Map(previous);
      if (value === undefined) next.delete(id);
      else next.set(id, value);
      return next;
    });
  }, []);
  const resetFacts = useCallback(() => setOverrides(new Map()), []);
  const value = useMemo(() => ({ asOf, setAsOf, overrides, setFact, resetFacts }), [asOf, overrides, setFact, resetFacts]);
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

/** The as-of date and fact switches. */
export function useAppState(): AppState {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside AppStateProvider');
  return value;
}
