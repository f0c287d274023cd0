import type { Language } from './messages.js';

// Names of records in the UI's language. Records may carry `name: { en, de }` (and facts an `explanation`);
// without one, a requirement or package is named by the first sentence of its title, a fact by its id.

export interface Named {
  id: string;
  name?: { en: string; de: string };
  title?: string;
}

/** The first sentence of a text ("Reassurance force: ground personnel away from the line. Public …" → up to the first full stop). */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/\.$/, '');
}

/** A record's name in the language: its own name, else its title's first sentence, else its id. */
export function recordName(language: Language, record: Named | undefined, id: string): string {
  if (!record) return id;
  return record.name?.[language] ?? (record.title ? firstSentence(record.title) : id);
}

/** A lookup from id to name over a list of records. */
export function recordNamer(language: Language, records: readonly Named[]): (id: string) => string {
  const byId = new Map(records.map((record) => [record.id, record]));
  return (id) => recordName(language, byId.get(id), id);
}
