import type { AllocationResult } from '../../../core/analyses/compute-allocation.js';
import type { RiskResult } from '../../../core/analyses/compute-risk.js';
import type { CoverageDelta, FactUnlocker, PartyUnlocker } from '../../../core/analyses/compute-unlockers.js';
import type { MessageKey } from '../../i18n/messages.js';

// The Analysis page's sentences in the UI's language, built from the analyses' structured answers (the API's
// `explanation` strings are English, for the CLI and API callers): "us_backstop (unknown → true): +12,000–15,000
// land.personnel in ua.rear; activates us-1, fr-1 …", a requirement's P(met) in words, and the allocation's
// shadow price. Names come in through `SentenceContext` (ids where the page passes none). Pure, tested without a
// browser.

export interface SentenceContext {
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  n: (value: number) => string;
  /** A capability's name in the UI's language. */
  capability: (id: string) => string;
  /** A requirement's capability and area (from its record); undefined when the page does not know it. */
  requirementOf: (id: string) => { capability: string; area: string } | undefined;
  /** Display names for ids; the id itself when left out. */
  factName?: (id: string) => string;
  partyName?: (id: string) => string;
  pledgeName?: (id: string) => string;
  requirementName?: (id: string) => string;
}

const COVERAGE_SHOWN = 3;

/** A fact's unlocker in words: what setting it true moves, and which pledges it activates. */
export function describeFactUnlocker(entry: FactUnlocker, context: SentenceContext): string {
  const { t } = context;
  const subject = t('analysis.sentence.factSubject', {
    fact: (context.factName ?? same)(entry.fact),
    from: t(entry.from === false ? 'fact.false' : 'fact.unknown'),
    to: t('fact.true'),
  });
  const tail = entry.pledgesImproved.length === 0 ? '' : t('analysis.sentence.activates', { pledges: listNames(entry.pledgesImproved, context, 4) });
  return joinSentence(subject, describeCoverage(entry.coverage, context), tail, context);
}

/** A party's absence in words: what it costs, which pledges fall, and which of them by cascade. */
export function describePartyUnlocker(entry: PartyUnlocker, context: SentenceContext): string {
  const { t } = context;
  const subject = t('analysis.sentence.without', { party: (context.partyName ?? same)(entry.party) });
  let tail = '';
  if (entry.pledgesLost.length > 0) {
    tail = t('analysis.sentence.loses', { pledges: listNames(entry.pledgesLost, context, 4) });
    if (entry.cascade.length > 0) tail = t('analysis.sentence.losesCascade', { loses: tail, pledges: listNames(entry.cascade, context, 3) });
  }
  return joinSentence(subject, describeCoverage(entry.coverage, context), tail, context);
}

/** A requirement's chance of being met, at minimum and maximum quantities, in words (null without an estimate). */
export function describeRisk(row: RiskResult['requirements'][number], method: RiskResult['method'], context: SentenceContext): string | null {
  if (row.pMetMin === null || row.pMetMax === null || row.demand === null) return null;
  const { t, n } = context;
  const percent = (value: number): string => `${n(Math.round(value * 1000) / 10)} %`;
  const vars = {
    requirement: (context.requirementName ?? same)(row.requirement),
    demand: n(row.demand),
    pMin: percent(row.pMetMin),
    pMax: percent(row.pMetMax),
    low: percent(row.ciMin?.[0] ?? row.pMetMin),
    high: percent(row.ciMin?.[1] ?? row.pMetMin),
  };
  return t(method === 'exact' ? 'analysis.sentence.riskExact' : 'analysis.sentence.riskSampled', vars);
}

/** An allocation row in words: what is filled and, where it is short, what one more unit of supply would fill. */
export function describeAllocation(row: AllocationResult['requirements'][number], context: SentenceContext): string {
  const { t, n } = context;
  const requirement = (context.requirementName ?? same)(row.requirement);
  if (row.demand === null) return t('analysis.sentence.filledNoEstimate', { requirement, filled: n(row.filled) });
  if (row.shortfall === null || row.shortfall <= 0) return t('analysis.sentence.filledMet', { requirement, filled: n(row.filled), demand: n(row.demand) });
  const where = context.requirementOf(row.requirement);
  const vars = { requirement, filled: n(row.filled), demand: n(row.demand), shortfall: n(row.shortfall), price: n(row.shadowPrice) };
  if (!where) return t('analysis.sentence.shortUnknown', vars);
  return t('analysis.sentence.short', { ...vars, capability: context.capability(where.capability), area: where.area });
}

// "+12,000–15,000 land.personnel in ua.rear, … 2 more requirements"; empty when nothing moves.
function describeCoverage(coverage: readonly CoverageDelta[], context: SentenceContext): string {
  const { t } = context;
  const shown = coverage.slice(0, COVERAGE_SHOWN).map((delta) => {
    const where = context.requirementOf(delta.requirement);
    const change = describeDelta(delta.supplyMinDelta, delta.supplyMaxDelta, context);
    // A range leads ("+12,000–15,000 … in ua.rear"); both figures named follow in brackets.
    const range = isRange(delta.supplyMinDelta, delta.supplyMaxDelta);
    return where
      ? t(range ? 'analysis.sentence.change' : 'analysis.sentence.changeSplit', { change, capability: context.capability(where.capability), area: where.area })
      : t(range ? 'analysis.sentence.changeOf' : 'analysis.sentence.changeOfSplit', { change, requirement: (context.requirementName ?? same)(delta.requirement) });
  });
  const more = coverage.length - COVERAGE_SHOWN;
  if (more > 0) shown.push(t(more === 1 ? 'analysis.sentence.moreRequirement' : 'analysis.sentence.moreRequirements', { count: more }));
  return shown.join(', ');
}

/**
 * A change of supply at the certain minimum and the possible maximum: "+12,000" when both agree, "+12,000–15,000"
 * (or "−0–17,498") when the maximum moves at least as far in the same direction, else both named.
 */
export function describeDelta(min: number, max: number, context: Pick<SentenceContext, 't' | 'n'>): string {
  const { t, n } = context;
  const signed = (value: number): string => (value > 0 ? `+${n(value)}` : value < 0 ? `−${n(-value)}` : n(0));
  if (min === max) return signed(min);
  if (isRange(min, max)) return `${min >= 0 && max >= 0 ? '+' : '−'}${n(Math.abs(min))}–${n(Math.abs(max))}`;
  if (max === 0) return t('analysis.sentence.certainOnly', { min: signed(min) });
  return t('analysis.sentence.certainAndMost', { min: signed(min), max: signed(max) });
}

// One figure or a range: both move the same way, the maximum at least as far.
function isRange(min: number, max: number): boolean {
  const gain = min >= 0 && max >= 0;
  const loss = min <= 0 && max <= 0;
  return min === max || ((gain || loss) && Math.abs(min) <= Math.abs(max));
}

function joinSentence(subject: string, coverage: string, tail: string, context: SentenceContext): string {
  const parts = [coverage, tail].filter((part) => part !== '');
  return context.t('analysis.sentence.entry', { subject, text: parts.length === 0 ? context.t('analysis.sentence.noChange') : parts.join('; ') });
}

// The first `shown` names, then "… (k more)".
function listNames(ids: readonly string[], context: SentenceContext, shown: number): string {
  const names = ids.slice(0, shown).map(context.pledgeName ?? same);
  if (ids.length <= shown) return names.join(', ');
  return context.t('analysis.sentence.moreIds', { list: names.join(', '), count: ids.length - shown });
}

function same(id: string): string {
  return id;
}
