// Types of news ingestion (docs/ingestion.md): the proposal contract of issue 28 and the lexicons the core
// is given. The core is pure: the service reads the lexicon files and passes them in.

export type Language = 'de' | 'en';

export type MeetingFormat = 'leaders' | 'ministers' | 'nsa' | 'other';
export type PledgeDomain =
  | 'land'
  | 'air'
  | 'maritime'
  | 'air_defence'
  | 'training'
  | 'monitoring'
  | 'logistics'
  | 'intelligence'
  | 'industry'
  | 'finance';
export type PledgeUnit = 'persons' | 'systems' | 'platforms' | 'brigade_sets' | 'money';
export type ConditionFact = 'ceasefire' | 'us_backstop' | 'parliament';

export interface MeetingProposal {
  kind: 'meeting';
  date: string | null;
  format: MeetingFormat;
  place: string | null;
  online: string[];
  participants: string[];
  quote: string;
}
export interface ContributionProposal {
  kind: 'contribution';
  donors: string[];
  amount: number;
  currency: string;
  programme: 'purl' | 'other';
  date: string | null;
  quote: string;
}
export interface PledgeProposal {
  kind: 'pledge';
  party: string;
  domain: PledgeDomain;
  quantity: number | null;
  unit: PledgeUnit | null;
  conditions: ConditionFact[];
  negative: boolean;
  quote: string;
}
export interface EstimateProposal {
  kind: 'estimate';
  what: string;
  amount: number;
  unit: string;
  by: string | null;
  quote: string;
}
export interface SanctionsProposal {
  kind: 'sanctions';
  jurisdiction: string;
  number: number | null;
  date: string | null;
  measures: string[];
  quote: string;
}
export interface FactProposal {
  kind: 'fact';
  fact: string;
  value: boolean | null;
  quote: string;
}
export type Proposal =
  | MeetingProposal
  | ContributionProposal
  | PledgeProposal
  | EstimateProposal
  | SanctionsProposal
  | FactProposal;
export type ProposalKind = Proposal['kind'];
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['meeting', 'contribution', 'pledge', 'estimate', 'sanctions', 'fact'];

/** Where a proposal's quote lies in the article text (UTF-16 offsets), for highlighting. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** A term list per language. */
export type ByLanguage<T> = Record<Language, T>;

/** The lexicon files as read (data/lexicons/*.json), validated at the edge. */
export interface RawLexicons {
  parties: {
    names: ByLanguage<Record<string, string[]>>;
    adjectives: ByLanguage<Record<string, string[]>>;
    capitals: Record<string, string[]>;
    persons: Record<string, string[]>;
    groups: Record<string, { terms: string[]; members: string[] }>;
    groupWords: ByLanguage<string[]>;
    nonProviders: string[];
  };
  capabilities: {
    terms: { domain: PledgeDomain; unit: PledgeUnit | null; terms: string[] }[];
    weak: { terms: string[] };
  };
  cues: {
    negation: ByLanguage<string[]>;
    meeting: {
      nouns: ByLanguage<string[]>;
      weakNouns: ByLanguage<string[]>;
      verbs: ByLanguage<string[]>;
      calls: ByLanguage<string[]>;
      formats: Record<MeetingFormat, string[]>;
      participation: ByLanguage<string[]>;
      online: ByLanguage<string[]>;
      coalition: string[];
      definite: ByLanguage<string[]>;
    };
    contribution: {
      verbs: ByLanguage<string[]>;
      totals: ByLanguage<string[]>;
      purl: string[];
      programmeAnaphora: ByLanguage<string[]>;
    };
    pledge: {
      commit: ByLanguage<string[]>;
      refusal: ByLanguage<string[]>;
      discussed: ByLanguage<string[]>;
      backing: ByLanguage<string[]>;
      undecided: ByLanguage<string[]>;
    };
    reporting: ByLanguage<string[]>;
    /** Nouns for land, sea or air that make a party before them a place ("NATO territory", "polnischem Boden"). */
    territory: ByLanguage<string[]>;
    subordinators: ByLanguage<string[]>;
    clauseBreaks: ByLanguage<string[]>;
    conditions: Record<ConditionFact, string[]>;
    conditionMarkers: ByLanguage<string[]>;
    /** Words before a condition term that make it concessive, not a condition ("not even after the war"). */
    concessive: ByLanguage<string[]>;
    /** A condition stated as a party and a term in a clause with a condition marker ("provided the US gives guarantees"). */
    partyConditions: { condition: ConditionFact; party: string; terms: string[] }[];
    estimate: { cues: ByLanguage<string[]>; by: ByLanguage<string[]> };
    sanctions: {
      nouns: ByLanguage<string[]>;
      adopted: ByLanguage<string[]>;
      notAdopted: ByLanguage<string[]>;
      jurisdictions: Record<string, string[]>;
      measures: { label: string; terms: string[] }[];
    };
    facts: { rules: { fact: string; value: boolean | null; all: string[][]; none?: string[][] }[] };
    boilerplate: { lines: string[] };
    language: ByLanguage<string[]>;
  };
  numbers: {
    words: ByLanguage<Record<string, number>>;
    scales: ByLanguage<Record<string, number>>;
    currencies: Record<string, string[]>;
    /** Currency words shared by several countries ("Kronen", "kroner"): the code follows the party that pays. */
    ambiguousCurrencies: { terms: string[]; byParty: Record<string, string> }[];
    /** Words that make a number after them vague, not a count ("several thousand", "mehrere tausend"). */
    vague: ByLanguage<string[]>;
    personUnits: string[];
  };
  /** Country names per language (from i18n-iso-countries), code → names. */
  countryNames: ByLanguage<Record<string, string[]>>;
}
