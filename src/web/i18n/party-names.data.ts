import type { Language } from './messages.js';

// Parties by name: a party record's own name in the language first; else, for a two-letter country code, the
// browser's own country names (Intl.DisplayNames, every language the browser knows); else the id itself.

const displayNames = new Map<Language, Intl.DisplayNames | null>();

function regionNames(language: Language): Intl.DisplayNames | null {
  if (!displayNames.has(language)) {
    try {
      displayNames.set(language, new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(language, null);
    }
  }
  return displayNames.get(language) ?? null;
}

/** A country's name for an ISO 3166 alpha-2 code ("DE" → "Germany" / "Deutschland"); the code when unknown. */
export function countryName(language: Language, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames(language)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name of a party (record name, else country name, else id). */
export function partyName(language: Language, id: string, parties: readonly { id: string; name?: { en: string; de: string } }[]): string {
  const record = parties.find((party) => party.id === id);
  return record?.name?.[language] ?? countryName(language, id);
}

/** A lookup from party id to name for one language, for rendering many rows. */
export function partyNamer(language: Language, parties: readonly { id: string; name?: { en: string; de: string } }[]): (id: string) => string {
  const byId = new Map(parties.map((party) => [party.id, party.name?.[language]]));
  return (id) => byId.get(id) ?? countryName(language, id);
}
