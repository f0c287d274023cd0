import type { ChangeReport } from '../changes/diff-states.js';
import type { FollowUpItem } from '../meetings/follow-up.js';
import type { ScenarioResult } from '../scenario/evaluate-scenario.js';
import { CONFIDENTIALITY_LEVELS, type Confidentiality, type FactValue, type Party, type Pledge, type Requirement, type Source } from '../types.js';
import type { BriefingDocument, BriefingSection } from './briefing-document.js';
import { BriefingContext } from './briefing-context.js';
import { actionItemsSection, changesSection, decisionsSection, fundsSection, sanctionsSection } from './briefing-follow-up.js';
import { analysesSection, coverageSection, gapSection, headlineSection } from './briefing-situation.js';
import { type BriefingLanguage, formatDateTime } from './briefing-text.js';

// The briefing pack for a meeting as of its date (issue 27): cover, headline figures, coverage with ranges and
// shortfalls, the assurance gap and waiting groups in words, unlockers and P(met) where the analyses ran, PURL
// funds and financing plans, sanctions adopted since the previous meeting, what changed since then, open and
// overdue action items by owner, and what became of the previous meeting's decisions — every figure citing its
// notes. Pure: the service loads everything as the requester may see it and passes it in.

export interface BriefingMeeting {
  id: string;
  date: string;
  title: string;
  format: string;
  place?: string | undefined;
  inPerson: readonly string[];
  online: readonly string[];
  sources: readonly string[];
}

export interface BriefingFund {
  id: string;
  title: string;
  currency: string;
  contributed: number;
  shortfall: number;
  packages: number;
  fundedPackages: number;
  contributions: number;
  sources: readonly string[];
}

export interface BriefingPlan {
  id: string;
  title: string;
  needAmount: number;
  currency: string;
  decidedOption: string | null;
  sources: readonly string[];
}

export interface BriefingSanction {
  id: string;
  jurisdiction: string;
  number?: number | undefined;
  title: string;
  adoptedOn?: string | undefined;
  sources: readonly string[];
}

export interface BriefingDecision {
  id: string;
  text: string;
  pledges: readonly string[];
  requirements: readonly string[];
  sources: readonly string[];
}

/** The analyses' results, where they ran (the pack leaves their section out otherwise). */
export interface BriefingAnalyses {
  /** The top facts by what they would add if they became true: per requirement, the change of certain and possible supply. */
  unlockers: { fact: string; from: FactValue; pledgesImproved: number; coverage: { requirement: string; supplyMinDelta: number; supplyMaxDelta: number }[] }[];
  risk: { requirement: string; pMetMin: number | null; pMetMax: number | null }[];
  samples: number;
}

export interface BriefingInput {
  lang: BriefingLanguage;
  generatedAt: Date;
  /** Who the pack is for, as shown on the cover (`delegate-de (delegate, DE)`). */
  requester: string;
  meeting: BriefingMeeting;
  previous: BriefingMeeting | null;
  parties: readonly Party[];
  capabilities: ReadonlyMap<string, { en: string; de: string }>;
  sources: readonly Source[];
  requirements: readonly (Requirement & { name?: { en: string; de: string } | undefined })[];
  /** Facts' names in each language (facts without one are named by their id). */
  factNames: ReadonlyMap<string, { en: string; de: string }>;
  /** The pledges the requester may see, as of the meeting's date. */
  pledges: readonly Pledge[];
  /** The scenario evaluated as of the meeting's date under the recorded facts, on what the requester may see. */
  scenario: ScenarioResult;
  /** Pledge states at the previous meeting (same view), for what became of its decisions. */
  previousStates: ReadonlyMap<string, string>;
  changes: ChangeReport | null;
  funds: readonly BriefingFund[];
  plans: readonly BriefingPlan[];
  sanctions: readonly BriefingSanction[];
  /** Action items as of the meeting's date, judged on that day. */
  actionItems: readonly FollowUpItem[];
  previousDecisions: readonly BriefingDecision[];
  /** Confidential records included (pledges counted, contributions in the funds): for the marking. */
  confidential: readonly { confidentiality: Confidentiality; owners: readonly string[] }[];
  analyses: BriefingAnalyses | null;
}

/** Build the briefing document. */
export function buildBriefing(input: BriefingInput): BriefingDocument {
  const context = new BriefingContext(input.lang, {
    parties: new Map(input.parties.map((party) => [party.id, party.name])),
    capabilities: input.capabilities,
    sources: new Map(input.sources.map((source) => [source.id, source])),
    requirements: new Map(input.requirements.map((requirement) => [requirement.id, requirement])),
    facts: input.factNames,
    pledges: new Map(input.pledges.map((pledge) => [pledge.id, pledge])),
  });
  const { t } = context;
  const { meeting, previous } = input;
  const names = (ids: readonly string[]) => (ids.length === 0 ? t.noneRecorded : ids.map((id) => context.party(id)).join(', '));
  const meetingNote = context.citeRecord(`${meeting.title} (${meeting.id})`, meeting.sources);
  const sections: BriefingSection[] = [
    headlineSection(context, input),
    coverageSection(context, input.scenario),
    gapSection(context, input.scenario),
    ...(input.analyses ? [analysesSection(context, input.analyses)] : []),
    fundsSection(context, input.funds, input.plans),
    sanctionsSection(context, input.sanctions),
    changesSection(context, input.changes),
    actionItemsSection(context, input.actionItems),
    decisionsSection(context, { previous, decisions: input.previousDecisions, states: input.previousStates, scenario: input.scenario, actionItems: input.actionItems }),
  ];
  return {
    lang: input.lang,
    title: t.title,
    meetingTitle: meeting.title,
    date: context.date(meeting.date),
    cover: [
      { label: t.format, value: t.formats[meeting.format] ?? meeting.format },
      { label: t.place, value: meeting.place ?? t.noneRecorded },
      { label: t.inPerson, value: names(meeting.inPerson) },
      { label: t.online, value: names(meeting.online) },
      { label: t.previousMeeting, value: previous ? `${previous.title}, ${context.date(previous.date)}` : t.noPrevious },
      { label: t.asOf.replace(/ des$/, ''), value: context.date(meeting.date) },
      { label: t.preparedFor, value: input.requester },
      { label: t.generated, value: formatDateTime(input.generatedAt, input.lang) },
    ],
    marking: markingOf(input.confidential),
    markingLabel: t.marking,
    notice: `${t.onlyVisible} [${meetingNote}]`,
    footer: { generated: `${t.generated} ${formatDateTime(input.generatedAt, input.lang)}`, pageWord: t.page, ofWord: t.of },
    sections,
    notes: context.notes.list(),
    notesTitle: t.notes,
    notesIntro: t.notesIntro,
  };
}

/**
 * The highest confidentiality level among the records included, at least COALITION (the pack is for coalition
 * members): `RESTRICTED — DE` names the parties whose restricted records are in it.
 */
export function markingOf(records: readonly { confidentiality: Confidentiality; owners: readonly string[] }[]): string {
  const rank = (level: Confidentiality) => CONFIDENTIALITY_LEVELS.indexOf(level);
  let highest: Confidentiality = 'coalition';
  for (const record of records) if (rank(record.confidentiality) > rank(highest)) highest = record.confidentiality;
  // The markings are the coalition's own, the same in both languages.
  if (highest === 'coalition' || highest === 'public') return 'COALITION';
  const parties = [...new Set(records.filter((record) => record.confidentiality === highest).flatMap((record) => record.owners))].sort();
  return `${highest.toUpperCase()} — ${parties.join(', ')}`;
}
