// The domain glossary of DESIGN.md §3. Plain data, no behaviour: the core's functions take and return these.

import type { FactDerivation } from './facts/derivations/registry.js';

/** An ISO 3166-1 alpha-2 code, an institution (EU, EUCO, NATO) or a custom id such as P12. */
export type PartyId = string;
/** `domain.kind`, e.g. `land.personnel`. */
export type CapabilityId = string;
/** Dotted and hierarchical: `ua` covers `ua.rear`; `any` covers everything. */
export type AreaId = string;
/** An ISO date `YYYY-MM-DD`; compared as text. */
export type IsoDate = string;

export type PartyKind = 'state' | 'institution' | 'beneficiary';
export type PartyGroup = 'EU' | 'NATO' | 'G7' | 'NB8' | 'coalition';

export interface LocalizedName {
  en: string;
  de: string;
}

export interface Party {
  id: PartyId;
  kind: PartyKind;
  name: LocalizedName;
  groups: PartyGroup[];
}

export type Unit = 'persons' | 'units' | 'platforms' | 'systems' | 'rounds' | 'money' | 'sites';

export interface Capability {
  id: CapabilityId;
  unit: Unit;
  name: LocalizedName;
}

export interface Source {
  id: string;
  url?: string;
  publication?: string;
  publisher: string;
  date: IsoDate;
  language?: string;
  quote?: string;
  /** The party whose delegate created it; absent: the coordinators'. */
  owner?: PartyId;
}

export type FactValue = true | false | 'unknown';

export interface Fact {
  id: string;
  value: FactValue;
  /** Probability that the fact is true, for risk analysis. */
  probability?: number;
  description?: string;
  sources: string[];
  /** How its value is computed from records (a derived fact, docs/incidents.md); absent: recorded only. */
  derivation?: FactDerivation;
}

/** A range of whole units; a single figure has min === max. */
export interface QuantityRange {
  min: number;
  max: number;
}

export const PLEDGE_STATUSES = ['announced', 'offered', 'committed', 'approved', 'delivered', 'withdrawn'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** What a guarantee commitment promises when its trigger fires (DESIGN.md §3); `unstated` when the source says a party will respond but not how. */
export const RESPONSE_KINDS = ['military', 'intelligence', 'air_defence', 'sanctions', 'financial', 'diplomatic', 'unstated'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** The terms of a guarantee commitment: the fact whose turning true activates it, the response, how fast (docs/guarantees.md). */
export interface GuaranteeTerms {
  /** A fact the condition requires (a conjunct of it), e.g. `violation`. */
  trigger: string;
  /** The response kinds promised; `['unstated']` when the source gives none. */
  responses: ResponseKind[];
  /** `not stated`, or a duration such as `72 hours` / `7 days`. */
  responseTime: string;
}

export const CONFIDENTIALITY_LEVELS = ['public', 'coalition', 'restricted', 'bilateral'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export interface TimeWindow {
  from?: IsoDate;
  to?: IsoDate;
}

export interface Pledge {
  id: string;
  party: PartyId;
  capability: CapabilityId;
  /** null when the reporting gives no number: the pledge counts for count()/active() but adds no quantity. */
  quantity: QuantityRange | null;
  areas: AreaId[];
  window?: TimeWindow;
  status: PledgeStatus;
  supersedes?: string;
  announcedOn?: IsoDate;
  withdrawnOn?: IsoDate;
  confidentiality: Confidentiality;
  /** Parties allowed to see a `bilateral` pledge. */
  sharedWith?: PartyId[];
  /** Condition text in the language of DESIGN.md §4; `true` when unconditional. */
  condition: string;
  sources: string[];
  note?: string;
  /** Why the position may no longer hold; absent: current. */
  stale?: string;
  /** Present: a guarantee commitment, activated by its trigger fact (e.g. a ceasefire violation). */
  guarantee?: GuaranteeTerms;
  /** How figures no cited source states were obtained. */
  derived?: Derivation[];
}

/** A figure obtained from sources or records rather than stated by one (see the dataset schema). */
export interface Derivation {
  field: string;
  from: string[];
  how: string;
}

export interface Requirement {
  id: string;
  capability: CapabilityId;
  /** null when no public estimate exists: coverage then reports supply only. */
  quantity: number | null;
  /** True when the figure is a public estimate rather than an agreed requirement. */
  estimate: boolean;
  priority: number;
  area: AreaId;
  package?: string;
  window?: TimeWindow;
  title?: string;
  sources: string[];
  note?: string;
  derived?: Derivation[];
}

export interface RequirementPackage {
  id: string;
  title: string;
  description?: string;
  sources: string[];
}

/** Everything the engine reasons about, already validated. */
export interface Dataset {
  parties: Party[];
  capabilities: Capability[];
  facts: Fact[];
  sources: Source[];
  packages: RequirementPackage[];
  requirements: Requirement[];
  pledges: Pledge[];
}
