import type { ExclusionReason } from './candidates.js';
import type { ChainReason, Explanation, PledgeChain, WaitTarget } from './explanation-chain.js';

// An explanation chain (explanation-chain.ts) as one sentence, in whatever words are given: the web renders it
// through its message tables (web/i18n/explanations.data.ts), the pledge list's export through the server's copy of
// those words (core/pledge-list/explanation-text.ts). One renderer, so the page and the export say the same.

/** The sentence templates an explanation is made of (the web's message keys without their `explain.` prefix). */
export type ExplanationTemplate =
  | 'pledge' | 'gap' | 'false' | 'fact' | 'factNegated' | 'area' | 'total' | 'count' | 'countOne' | 'anyOf' | 'or'
  | 'waitsNone' | 'waitsState' | 'waitsCycle' | 'waitsCoalition' | 'waitsChain' | 'more'
  | 'withdrawn' | 'withdrawnOn' | 'superseded' | 'notYetAnnounced' | 'belowMinStatus';

/** The words of one language: templates filled with their variables, numbers, states, fact values and names. */
export interface ExplanationTexts {
  t: (key: ExplanationTemplate, vars?: Record<string, string | number>) => string;
  number: (value: number) => string;
  state: (state: PledgeChain['state']) => string;
  factValue: (value: 'true' | 'false' | 'unknown') => string;
  party: (id: string) => string;
  capability: (id: string) => string;
  area: (id: string) => string;
  fact: (id: string) => string;
}

/** An explanation chain as one sentence in the texts' language. */
export function renderExplanation(explanation: Explanation, texts: ExplanationTexts): string {
  if (explanation.kind === 'gap') return texts.t('gap', { id: explanation.id, reasons: reasonsText(explanation.reasons, texts) });
  return chainText(explanation, texts);
}

function chainText(chain: PledgeChain, texts: ExplanationTexts): string {
  return texts.t('pledge', { id: chain.id, state: texts.state(chain.state), reasons: reasonsText(chain.reasons, texts) });
}

function reasonsText(reasons: readonly ChainReason[], texts: ExplanationTexts): string {
  return reasons.map((reason) => reasonText(reason, texts)).join('; ');
}

function reasonText(reason: ChainReason, texts: ExplanationTexts): string {
  const { t } = texts;
  switch (reason.kind) {
    case 'excluded':
      return exclusionText(reason.exclusion, texts);
    case 'false':
      return t('false');
    case 'fact': {
      const value = texts.factValue(String(reason.value) as 'true' | 'false' | 'unknown');
      return t(reason.negated ? 'factNegated' : 'fact', { fact: texts.fact(reason.fact), value });
    }
    case 'threshold': {
      const vars = {
        capability: texts.capability(reason.capability),
        area: reason.area === undefined ? '' : t('area', { area: texts.area(reason.area) }),
        op: reason.op === '>' ? '>' : '≥',
        threshold: texts.number(reason.threshold),
        value: texts.number(reason.value),
      };
      if (reason.aggregate === 'total') return t('total', vars);
      return t(reason.value === 1 ? 'countOne' : 'count', vars);
    }
    case 'waits': {
      const party = texts.party(reason.party);
      const what = reason.capability === undefined ? party : `${party} (${texts.capability(reason.capability)})`;
      return waitText(reason.target, { what, party }, texts);
    }
    case 'any_of':
      return t('anyOf', { options: reason.options.map((option) => `[${reasonsText(option, texts)}]`).join(` ${t('or')} `) });
  }
}

function waitText(target: WaitTarget, waited: { what: string; party: string }, texts: ExplanationTexts): string {
  const { t } = texts;
  const { what, party } = waited;
  if (target.kind === 'no_pledge') return t('waitsNone', { what, party });
  const more = target.more > 0 ? t('more', { count: target.more }) : '';
  switch (target.kind) {
    case 'state':
      return t('waitsState', { what, pledge: target.pledge, state: texts.state(target.state), more });
    case 'cycle':
      return t('waitsCycle', { what, pledge: target.pledge, more });
    case 'coalition':
      return t('waitsCoalition', { what, pledge: target.pledge, more });
    case 'chain':
      return t('waitsChain', { what, chain: chainText(target.chain, texts), more });
  }
}

/** Why a pledge was not even a candidate. */
function exclusionText(exclusion: ExclusionReason, { t }: ExplanationTexts): string {
  switch (exclusion.kind) {
    case 'withdrawn':
      return exclusion.on === undefined ? t('withdrawn') : t('withdrawnOn', { date: exclusion.on });
    case 'superseded':
      return t('superseded', { by: exclusion.by });
    case 'not_yet_announced':
      return t('notYetAnnounced', { announcedOn: exclusion.announcedOn, asOf: exclusion.asOf });
    case 'below_min_status':
      return t('belowMinStatus', { status: exclusion.status, minStatus: exclusion.minStatus });
  }
}
