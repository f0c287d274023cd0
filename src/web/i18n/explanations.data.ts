import type { Reason } from '../../core/activation/explain-pledge.js';
import { explainChain, type Explanation, type PledgeLookup } from '../../core/activation/explanation-chain.js';
import { renderExplanation } from '../../core/activation/render-explanation.js';
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

/** An explanation chain as one sentence in the words' language (the core's renderer, the message tables' words). */
export function explanationText(explanation: Explanation, words: ExplanationWords): string {
  const named = (name: ((id: string) => string) | undefined) => name ?? ((id: string) => id);
  return renderExplanation(explanation, {
    t: (key, vars) => words.t(`explain.${key}`, vars),
    number: words.n,
    state: (state) => words.t(`state.${state}`),
    factValue: (value) => words.t(`fact.${value}`),
    party: named(words.party),
    capability: words.capability,
    area: named(words.area),
    fact: named(words.fact),
  });
}
