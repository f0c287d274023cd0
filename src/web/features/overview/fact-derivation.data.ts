import type { ScenarioFact } from '../../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../../core/types.js';
import { type Language, translate } from '../../i18n/messages.js';

// A derived fact (docs/incidents.md, "Derived facts") in words for the fact switches: one short line with its
// value and since when, and the records it rests on (by their titles and dates) for the details on demand.

export interface DerivationText {
  /** "Derived: true since 10 Feb 2026 — verified incident of 10 Feb 2026: Drone strike on Kharkiv". */
  summary: string;
  /** One line a record it rests on. */
  basis: string[];
}

/** The longest the summary's record may be (the summary is one short line; the details have it in full). */
const SHORT = 70;

/** A day as the language writes it ("10 Feb 2026", "10.02.2026"); anything else as it is. */
export function formatDay(language: Language, day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** At most `max` characters, cut at a word with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

/** A record's title with a leading party code ("HU: …", as the sanctions exemptions are titled) by the party's name. */
function namedTitle(title: string, partyName: (id: string) => string): string {
  const match = /^([A-Z]{2,4}): (.*)$/s.exec(title);
  return match ? `${partyName(match[1] as string)}: ${match[2] as string}` : title;
}

/**
 * The derivation of a scenario's fact in words, or undefined when its value is not derived: a short summary (the
 * value, since when, the first record cut short) and every record in full for the details.
 */
export function describeDerivation(
  language: Language,
  fact: Pick<ScenarioFact, 'value' | 'derived'> | undefined,
  partyName: (id: string) => string = (id) => id,
): DerivationText | undefined {
  const derived = fact?.derived;
  if (fact === undefined || derived === undefined) return undefined;
  const value = translate(language, `fact.${String(fact.value as FactValue)}` as 'fact.true');
  const head =
    derived.since === null ? translate(language, 'fact.derived', { value }) : translate(language, 'fact.derived.since', { value, since: formatDay(language, derived.since) });
  const basis = derived.basis.map((entry) =>
    translate(language, entry.collection === 'incidents' ? 'fact.derived.basis.incidents' : 'fact.derived.basis.other', {
      title: namedTitle(entry.title ?? entry.id, partyName),
      date: formatDay(language, entry.date),
    }),
  );
  const [first] = basis;
  if (first === undefined) return { summary: head, basis };
  const more = basis.length > 1 ? ` ${translate(language, 'fact.derived.more', { count: basis.length - 1 })}` : '';
  return { summary: `${head} — ${shorten(first, SHORT)}${more}`, basis };
}
