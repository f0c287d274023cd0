import { DE } from './messages.de.js';
import { EN, type MessageKey } from './messages.en.js';

// The UI's texts in English and German (one table a language, the German one must have every English key) and
// how they are filled in.

export { DE, EN, type MessageKey };

export type Language = 'en' | 'de';

/** Fill a message's `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = language === 'de' ? DE[key] : EN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Format a number for the language (thousands separators). */
export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}
