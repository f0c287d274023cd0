import type { ExclusionReason } from '../../core/activation/candidates.js';
import type { Reason } from '../../core/activation/explain-pledge.js';
import { capabilityName } from './capabilities.data.js';
import { formatNumber, type Language, type MessageKey, translate } from './messages.js';

// Why a pledge is not plainly certain, in the UI's language: the scenario result's structured reasons rendered
// through the message tables. Follows "waits for" chains like the core's describe-reasons.ts (two levels deep,
// cycles named), so English reads as the server's sentence, with capability names instead of ids.

export interface ExplainablePledge {
  id: string;
  state: 'certain' | 'possible' | 'inactive';
  /** False for a pledge that was not a candidate (withdrawn, superseded, not yet announced, status too low). */
  candidate?: boolean;
  inAssuranceGap?: boolean;
  reasons: readonly Reason[];
  waitsFor?: readonly Reason[];
}

export interface ExplanationWords {
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  n: (value: number) => string;
  /** A capability's name in the language. */
  capability: (id: string) => string;
}

type Lookup = (id: string) => ExplainablePledge | undefined;

/** The message tables, number format and capability names of a language. */
export function wordsFor(language: Language): ExplanationWords {
  return {
    t: (key, vars) => translate(language, key, vars),
    n: (value) => formatNumber(language, value),
    capability: (id) => capabilityName(language, id),
  };
}

const MAX_DEPTH = 2;

/** A function explaining any pledge of a scenario result (waits-for chains looked up among `pledges`). */
export function createExplainer(pledges: readonly ExplainablePledge[], words: ExplanationWords): (pledge: ExplainablePledge) => string | null {
  const byId = new Map(pledges.filter((pledge) => pledge.candidate !== false).map((pledge) => [pledge.id, pledge]));
  const lookup: Lookup = (id) => byId.get(id);
  return (pledge) => explainPledge(pledge, lookup, words);
}

/** One sentence for a pledge that is not plainly certain; null for a certain pledge outside the assurance gap. */
export function explainPledge(pledge: ExplainablePledge, lookup: Lookup, words: ExplanationWords): string | null {
  if (pledge.state === 'certain') {
    if (!pledge.inAssuranceGap) return null;
    return words.t('explain.gap', { id: pledge.id, reasons: reasonsText(pledge.waitsFor ?? [], lookup, words, new Set([pledge.id]), 1) });
  }
  if (pledge.candidate === false && pledge.reasons.length === 0) return null;
  return chainText(pledge, lookup, words, new Set(), 0);
}

function chainText(pledge: ExplainablePledge, lookup: Lookup, words: ExplanationWords, seen: Set<string>, depth: number): string {
  seen.add(pledge.id);
  return words.t('explain.pledge', { id: pledge.id, state: words.t(`state.${pledge.state}`), reasons: reasonsText(pledge.reasons, lookup, words, seen, depth + 1) });
}

function reasonsText(reasons: readonly Reason[], lookup: Lookup, words: ExplanationWords, seen: Set<string>, depth: number): string {
  return reasons.map((reason) => reasonText(reason, lookup, words, seen, depth)).join('; ');
}

function reasonText(reason: Reason, lookup: Lookup, words: ExplanationWords, seen: Set<string>, depth: number): string {
  const { t, n } = words;
  switch (reason.kind) {
    case 'excluded':
      return exclusionText(reason.exclusion, words);
    case 'false':
      return t('explain.false');
    case 'fact': {
      const value = t(`fact.${String(reason.value) as 'true' | 'false' | 'unknown'}`);
      return t(reason.negated ? 'explain.factNegated' : 'explain.fact', { fact: reason.fact, value });
    }
    case 'threshold': {
      const vars = {
        capability: words.capability(reason.capability),
        area: reason.area === undefined ? '' : t('explain.area', { area: reason.area }),
        op: reason.op === '>' ? '>' : '≥',
        threshold: n(reason.threshold),
        value: n(reason.value),
      };
      if (reason.aggregate === 'total') return t('explain.total', vars);
      return t(reason.value === 1 ? 'explain.countOne' : 'explain.count', vars);
    }
    case 'waits':
      return waitText(reason, lookup, words, seen, depth);
    case 'any_of':
      return t('explain.anyOf', {
        options: reason.options.map((option) => `[${reasonsText(option, lookup, words, seen, depth)}]`).join(` ${t('explain.or')} `),
      });
  }
}

function waitText(reason: Reason & { kind: 'waits' }, lookup: Lookup, words: ExplanationWords, seen: Set<string>, depth: number): string {
  const { t } = words;
  const what = reason.capability === undefined ? reason.party : `${reason.party} (${words.capability(reason.capability)})`;
  if (reason.pledges.length === 0) return t('explain.waitsNone', { what, party: reason.party });
  const first = reason.pledges[0] as string;
  const target = lookup(first);
  const count = reason.pledges.length - 1 + reason.more;
  const more = count > 0 ? t('explain.more', { count }) : '';
  if (!target || depth >= MAX_DEPTH) return t('explain.waitsState', { what, pledge: first, state: t(`state.${target?.state ?? 'inactive'}`), more });
  if (seen.has(first)) return t('explain.waitsCycle', { what, pledge: first, more });
  if (target.state === 'certain') return t('explain.waitsCoalition', { what, pledge: first, more });
  return t('explain.waitsChain', { what, chain: chainText(target, lookup, words, new Set(seen), depth), more });
}

/** Why a pledge was not even a candidate. */
function exclusionText(exclusion: ExclusionReason, { t }: ExplanationWords): string {
  switch (exclusion.kind) {
    case 'withdrawn':
      return exclusion.on === undefined ? t('explain.withdrawn') : t('explain.withdrawnOn', { date: exclusion.on });
    case 'superseded':
      return t('explain.superseded', { by: exclusion.by });
    case 'not_yet_announced':
      return t('explain.notYetAnnounced', { announcedOn: exclusion.announcedOn, asOf: exclusion.asOf });
    case 'below_min_status':
      return t('explain.belowMinStatus', { status: exclusion.status, minStatus: exclusion.minStatus });
  }
}
