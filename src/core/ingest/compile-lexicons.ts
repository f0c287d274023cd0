// Lexicons compiled into term matchers for one language (the raw files are data, docs/ingestion.md).

import { compileTerms, type TermMatcher } from './term-matcher.js';
import type { ConditionFact, Language, MeetingFormat, PledgeDomain, PledgeUnit, RawLexicons } from './types.js';

export interface PartyRef {
  codes: string[];
  via: 'name' | 'adjective' | 'capital' | 'person' | 'group';
}
export interface CapabilityRef {
  domain: PledgeDomain;
  unit: PledgeUnit | null;
  weak: boolean;
}
export interface FactRule {
  fact: string;
  value: boolean | null;
  all: TermMatcher<true>[];
  none: TermMatcher<true>[];
}

export interface PartyCondition {
  condition: ConditionFact;
  party: string;
  terms: TermMatcher<true>;
}

export interface Lexicon {
  language: Language;
  parties: TermMatcher<PartyRef>;
  groupWords: TermMatcher<true>;
  nonProviders: ReadonlySet<string>;
  capabilities: TermMatcher<CapabilityRef>;
  negation: TermMatcher<true>;
  meetingNouns: TermMatcher<true>;
  meetingWeakNouns: TermMatcher<true>;
  meetingVerbs: TermMatcher<true>;
  calls: TermMatcher<true>;
  formats: TermMatcher<MeetingFormat>;
  participation: TermMatcher<true>;
  online: TermMatcher<true>;
  coalition: TermMatcher<true>;
  definite: TermMatcher<true>;
  contributionVerbs: TermMatcher<true>;
  totals: TermMatcher<true>;
  purl: TermMatcher<true>;
  programmeAnaphora: TermMatcher<true>;
  commit: TermMatcher<true>;
  refusal: TermMatcher<true>;
  discussed: TermMatcher<true>;
  backing: TermMatcher<true>;
  undecided: TermMatcher<true>;
  reporting: TermMatcher<true>;
  territory: TermMatcher<true>;
  subordinators: TermMatcher<true>;
  clauseBreaks: TermMatcher<true>;
  conditions: TermMatcher<ConditionFact>;
  conditionMarkers: TermMatcher<true>;
  concessive: TermMatcher<true>;
  partyConditions: PartyCondition[];
  estimateCues: TermMatcher<true>;
  estimateBy: TermMatcher<true>;
  sanctionNouns: TermMatcher<true>;
  sanctionAdopted: TermMatcher<true>;
  sanctionNotAdopted: TermMatcher<true>;
  jurisdictions: TermMatcher<string>;
  measures: TermMatcher<string>;
  facts: FactRule[];
  boilerplate: TermMatcher<true>;
  numberWords: ReadonlyMap<string, number>;
  scales: ReadonlyMap<string, number>;
  currencies: TermMatcher<string>;
  currencySymbols: ReadonlyMap<string, string>;
  /** Per ambiguous currency word (payload `?N` of `currencies`): party code → currency code. */
  ambiguousCurrencies: readonly Readonly<Record<string, string>>[];
  vague: ReadonlySet<string>;
  personUnits: TermMatcher<true>;
}

const flag = (terms: readonly string[]): TermMatcher<true> => compileTerms(terms.map((term) => [term, true] as const));
const byPayload = <P>(table: Record<string, readonly string[]>, map: (key: string) => P): TermMatcher<P> =>
  compileTerms(Object.entries(table).flatMap(([key, terms]) => terms.map((term) => [term, map(key)] as const)));

const usableName = (name: string): boolean => !/[,()]/.test(name);

function compileParties(raw: RawLexicons, language: Language): TermMatcher<PartyRef> {
  const entries: (readonly [string, PartyRef])[] = [];
  const add = (table: Record<string, readonly string[]>, via: PartyRef['via']): void => {
    for (const [code, terms] of Object.entries(table)) {
      for (const term of terms) if (usableName(term)) entries.push([term, { codes: [code], via }]);
    }
  };
  add(raw.countryNames[language], 'name');
  add(raw.parties.names[language], 'name');
  add(raw.parties.adjectives[language], 'adjective');
  add(raw.parties.capitals, 'capital');
  add(raw.parties.persons, 'person');
  for (const group of Object.values(raw.parties.groups)) {
    for (const term of group.terms) entries.push([term, { codes: group.members, via: 'group' }]);
  }
  return compileTerms(entries);
}

const cache = new WeakMap<RawLexicons, Map<Language, Lexicon>>();

/** Compile the lexicons for one language (memoised per lexicon object). */
export function compileLexicon(raw: RawLexicons, language: Language): Lexicon {
  const known = cache.get(raw)?.get(language);
  if (known) return known;
  const cues = raw.cues;
  const both = (table: Record<Language, string[]>): string[] => [...table[language], ...table[language === 'de' ? 'en' : 'de'].filter((term) => /^[A-Z0-9-]+=?$/.test(term))];
  const lexicon: Lexicon = {
    language,
    parties: compileParties(raw, language),
    groupWords: flag(raw.parties.groupWords[language]),
    nonProviders: new Set(raw.parties.nonProviders),
    capabilities: compileTerms([
      ...raw.capabilities.terms.flatMap((entry) =>
        entry.terms.map((term) => [term, { domain: entry.domain, unit: entry.unit, weak: raw.capabilities.weak.terms.includes(term) }] as const),
      ),
    ]),
    negation: flag(cues.negation[language]),
    meetingNouns: flag(cues.meeting.nouns[language]),
    meetingWeakNouns: flag(cues.meeting.weakNouns[language]),
    meetingVerbs: flag(cues.meeting.verbs[language]),
    calls: flag(cues.meeting.calls[language]),
    formats: byPayload(cues.meeting.formats, (key) => key as MeetingFormat),
    participation: flag(cues.meeting.participation[language]),
    online: flag(cues.meeting.online[language]),
    coalition: flag(cues.meeting.coalition),
    definite: flag(cues.meeting.definite[language]),
    contributionVerbs: flag(both(cues.contribution.verbs)),
    totals: flag(cues.contribution.totals[language]),
    purl: flag(cues.contribution.purl),
    programmeAnaphora: flag(cues.contribution.programmeAnaphora[language]),
    commit: flag(cues.pledge.commit[language]),
    refusal: flag(cues.pledge.refusal[language]),
    discussed: flag(cues.pledge.discussed[language]),
    backing: flag(cues.pledge.backing[language]),
    undecided: flag(cues.pledge.undecided[language]),
    reporting: flag(cues.reporting[language]),
    territory: flag(cues.territory[language]),
    subordinators: flag(cues.subordinators[language]),
    clauseBreaks: flag(cues.clauseBreaks[language]),
    conditions: byPayload(cues.conditions, (key) => key as ConditionFact),
    conditionMarkers: flag(cues.conditionMarkers[language]),
    concessive: flag(cues.concessive[language]),
    partyConditions: cues.partyConditions.map((rule) => ({ condition: rule.condition, party: rule.party, terms: flag(rule.terms) })),
    estimateCues: flag(cues.estimate.cues[language]),
    estimateBy: flag(cues.estimate.by[language]),
    sanctionNouns: flag(cues.sanctions.nouns[language]),
    sanctionAdopted: flag(cues.sanctions.adopted[language]),
    sanctionNotAdopted: flag(cues.sanctions.notAdopted[language]),
    jurisdictions: byPayload(cues.sanctions.jurisdictions, (key) => key),
    measures: compileTerms(cues.sanctions.measures.flatMap((entry) => entry.terms.map((term) => [term, entry.label] as const))),
    facts: cues.facts.rules.map((rule) => ({
      fact: rule.fact,
      value: rule.value,
      all: rule.all.map((terms) => flag(terms)),
      none: (rule.none ?? []).map((terms) => flag(terms)),
    })),
    boilerplate: flag(cues.boilerplate.lines),
    numberWords: new Map(Object.entries(raw.numbers.words[language]).map(([word, value]) => [word.toLowerCase(), value])),
    scales: new Map(Object.entries(raw.numbers.scales[language]).map(([word, value]) => [word.replace(/\.$/, ''), value])),
    currencies: byPayload(
      Object.fromEntries([
        ...Object.entries(raw.numbers.currencies).map(([code, terms]) => [code, terms.filter((term) => /\p{L}/u.test(term))] as const),
        ...raw.numbers.ambiguousCurrencies.map((entry, i) => [`?${i}`, entry.terms] as const),
      ]),
      (key) => key,
    ),
    currencySymbols: new Map(
      Object.entries(raw.numbers.currencies).flatMap(([code, terms]) => terms.filter((term) => !/^\p{L}+$/u.test(term)).map((term) => [term, code] as const)),
    ),
    ambiguousCurrencies: raw.numbers.ambiguousCurrencies.map((entry) => entry.byParty),
    vague: new Set(raw.numbers.vague[language].map((word) => word.replace(/=$/, '').toLowerCase())),
    personUnits: flag(raw.numbers.personUnits),
  };
  const perLanguage = cache.get(raw) ?? new Map<Language, Lexicon>();
  perLanguage.set(language, lexicon);
  cache.set(raw, perLanguage);
  return lexicon;
}
