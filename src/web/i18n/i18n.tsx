import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { setQuery, useLocation } from '../lib/router.js';
import { capabilityName } from './capabilities.data.js';
import { formatNumber, type Language, type MessageKey, translate } from './messages.js';

// The language context: `t` for texts, `n` for numbers, `name` for the English/German name of a record,
// `capability` for a capability's name.

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  n: (value: number) => string;
  name: (names: { en: string; de: string } | undefined, fallback: string) => string;
  capability: (id: string) => string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'coalition.language';

function remembered(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Provide the language to the app: the URL's `lang` first, else the one remembered in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { query } = useLocation();
  const fromUrl = query.get('lang');
  const language: Language = fromUrl === 'en' || fromUrl === 'de' ? fromUrl : remembered();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setQuery({ lang: next });
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      n: (value) => formatNumber(language, value),
      name: (names, fallback) => names?.[language] ?? fallback,
      capability: (id) => capabilityName(language, id),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
