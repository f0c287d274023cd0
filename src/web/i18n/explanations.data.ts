import type { ExclusionReason } from '../../core/activation/candidates.js';
import type { Reason } from '../../core/activation/explain-pledge.js';
import { type ChainReason, explainChain, type Explanation, type PledgeChain, type PledgeLookup, type WaitTarget } from '../../core/activation/explanation-chain.js';
import { capabilityName } from './capabilities.data.js';
import { formatNumber, type Language, type MessageKey, translate } from './messages.js';

// Why a pledge is not plainly certain, in the UI's language: the core's explanation chain (explanation-chain.ts:
// "waits for" followed two levels deep, cycles named — the same structure the CLI and API render in
// describe-reasons.ts) rendered through the message tables, with capability names instead of ids.

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
  /** A party's and a fact's name (their ids when not given: the server's sentence). */
  party?: (id: string) => string;
  fact?: (id: string) => string;
  area?: (id: string) => string;
}

/** The message tables, number format and capability names of a language (and party, fact and area names when given). */
export function wordsFor(language: Language, names: Pick<ExplanationWords, 'party' | 'fact' | 'area'> = {}): ExplanationWords {
  return {
    t: (key, vars) => translate(language, key, vars),
    n: (value) => formatNumber(language, value),
    capability: (id) => capabilityName(language, id),
    ...names,
  };
}

/** A function explaining any pledge of a scenario result (waits-for chains looked up among `pledges`). */
export function createExplainer(pledges: readonly ExplainablePledge[], words: ExplanationWords): (pledge: ExplainablePledge) => string | null {
  const byId = new Map(pledges.filter((pledge) => pledge.candidate !== false).map((pledge) => [pledge.id, pledge]));
  const lookup: PledgeLookup = (id) => byId.get(id);
  return (pledge) => explainPledge(pledge, lookup, words);
}

/** One sentence for a pledge that is not plainly certain; null for a certain pledge outside the assurance gap. */
export function explainPledge(pledge: ExplainablePledge, lookup: PledgeLookup, words: ExplanationWords): string | null {
  if (pledge.state !== 'certain' && pledge.candidate === false && pledge.reasons.length === 0) return null;
  const explanation = explainChain(pledge, lookup);
  return explanation === undefined ? null : explanationText(explanation, words);
}

/** An explanation chain as one sentence in the words' language. */
export function explanationText(explanation: Explanation, words: ExplanationWords): string {
  if (explanation.kind === 'gap') return words.t('explain.gap', { id: explanation.id, reasons: reasonsText(explanation.reasons, words) });
  return chainText(explanation, words);
}

function chainText(chain: PledgeChain, words: ExplanationWords): string {
  return words.t('explain.pledge', { id: chain.id, state: words.t(`state.${chain.state}`), reasons: reasonsText(chain.reasons, words) });
}

function reasonsText(reasons: readonly ChainReason[], words: ExplanationWords): string {
  return reasons.map((reason) => reasonText(reason, words)).join('; ');
}

function reasonText(reason: ChainReason, words: ExplanationWords): string {
  const { t, n } = words;
  switch (reason.kind) {
    case 'excluded':
      return exclusionText(reason.exclusion, words);
    case 'false':
      return t('explain.false');
    case 'fact': {
      const value = t(`fact.${String(reason.value) as 'true' | 'false' | 'unknown'}`);
      return t(reason.negated ? 'explain.factNegated' : 'explain.fact', { fact: words.fact?.(reason.fact) ?? reason.fact, value });
    }
    case 'threshold': {
      const vars = {
        capability: words.capability(reason.capability),
        area: reason.area === undefined ? '' : t('explain.area', { area: words.area?.(reason.area) ?? reason.area }),
        op: reason.op === '>' ? '>' : '≥',
        threshold: n(reason.threshold),
        value: n(reason.value),
      };
      if (reason.aggregate === 'total') return t('explain.total', vars);
      return t(reason.value === 1 ? 'explain.countOne' : 'explain.count', vars);
    }
    case 'waits': {
      const party = words.party?.(reason.party) ?? reason.party;
      const what = reason.capability === undefined ? party : `${party} (${words.capability(reason.capability)})`;
      return waitText(reason.target, { what, party }, words);
    }
    case 'any_of':
      return t('explain.anyOf', { options: reason.options.map((option) => `[${reasonsText(option, words)}]`).join(` ${t('explain.or')} `) });
  }
}

function waitText(target: WaitTarget, waited: { what: string; party: string }, words: ExplanationWords): string {
  const { t } = words;
  const { what, party } = waited;
  if (target.kind === 'no_pledge') return t('explain.waitsNone', { what, party });
  const more = target.more > 0 ? t('explain.more', { count: target.more }) : '';
  switch (target.kind) {
    case 'state':
      return t('explain.waitsState', { what, pledge: target.pledge, state: t(`state.${target.state}`), more });
    case 'cycle':
      return t('explain.waitsCycle', { what, pledge: target.pledge, more });
    case 'coalition':
      return t('explain.waitsCoalition', { what, pledge: target.pledge, more });
    case 'chain':
      return t('explain.waitsChain', { what, chain: chainText(target.chain, words), more });
  }
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
