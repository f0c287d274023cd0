// Pledges (ANNOTATION.md P1–P8): a named party, a capability term, and a commitment or a refusal in the
// sentence. A party word right before the term ("US-Truppen", "deutsche Panzer") owns it; a group word
// ("europäische Friedenstruppen") makes it no named party's. Clauses that only discuss options are skipped.

import { actsAsParty, findIn, type ArticleContext, type PartyMention, type SentenceView } from './article-context.js';
import { clauseOf, splitClauses, type Clause } from './clauses.js';
import type { CapabilityRef } from './compile-lexicons.js';
import { findMoney, findNumbers } from './find-amounts.js';
import type { TermMatch } from './term-matcher.js';
import type { ConditionFact, PledgeProposal } from './types.js';

export interface Located<P> {
  proposal: P;
  sentence: number;
}

function qualifierOf(context: ArticleContext, view: SentenceView, term: TermMatch<CapabilityRef>): PartyMention | 'group' | null {
  const text = context.text;
  const direct = view.parties.find((party) => party.last === term.first - 1 && /^[\s-]{0,2}$/.test(text.slice(party.end, term.start)) && !party.prepositional);
  const inside = view.parties.find((party) => party.first === term.first && party.end < term.end && /^-/.test(text.slice(party.end)));
  const found = inside ?? direct;
  // "Ukraine's air defence", "der ukrainischen Luftverteidigung": the recipient's capability, which the subject
  // strengthens; but the recipient's own forces ("der ukrainischen Streitkräfte") are nobody's offer (kept, so skipped).
  const recipient = found !== undefined && found.codes.every((code) => context.lexicon.nonProviders.has(code)) && term.payload.domain !== 'land';
  if (found && !recipient && (found.via === 'adjective' || /^-/.test(text.slice(found.end)) || found.via === 'name')) return found;
  const groups = findIn(view, context.lexicon.groupWords, text);
  // "europäische Friedenstruppen", "europäischen Kampftruppen", "a European-led force".
  const between = (group: TermMatch<true>): boolean =>
    group.last === term.first - 2 && (/^\p{Ll}+(e|en|er)$/u.test(view.tokens[term.first - 1]?.text ?? '') || text.slice(group.end, view.tokens[term.first - 1]?.start ?? 0) === '-');
  if (groups.some((group) => group.last === term.first - 1 || between(group))) return 'group';
  return null;
}

function conditionsIn(context: ArticleContext, view: SentenceView, range?: Clause): ConditionFact[] {
  const lexicon = context.lexicon;
  const inRange = (match: { first: number }): boolean => !range || (match.first >= range.from && match.first < range.to);
  // "not even after the war", "selbst nach einem Waffenstillstand": concessive, not a condition.
  const concessive = findIn(view, lexicon.concessive, context.text);
  const found = findIn(view, lexicon.conditions, context.text)
    .filter((match) => inRange(match) && !concessive.some((c) => c.last < match.first && match.first - c.last <= 3))
    .map((match) => match.payload);
  // "provided the United States gives security guarantees": a party and its term in a clause that states a condition.
  if (findIn(view, lexicon.conditionMarkers, context.text).some(inRange)) {
    for (const rule of lexicon.partyConditions) {
      const terms = findIn(view, rule.terms, context.text).filter(inRange);
      const party = view.parties.find((p) => p.codes.includes(rule.party) && inRange(p) && terms.some((term) => term.first > p.last && term.first - p.last <= 6));
      if (party) found.push(rule.condition);
    }
  }
  return found;
}

function qualifyingConditions(context: ArticleContext, next: SentenceView | undefined): ConditionFact[] {
  if (!next) return [];
  const lexicon = context.lexicon;
  if (findIn(next, lexicon.conditionMarkers, context.text).length === 0) return [];
  if (findIn(next, lexicon.capabilities, context.text).length > 0) return [];
  if (next.parties.some((party) => !party.prepositional && party.via !== 'person')) return [];
  return conditionsIn(context, next);
}

/** Pledges stated in one sentence. */
export function extractPledges(context: ArticleContext, index: number): PledgeProposal[] {
  const view = context.sentences[index];
  if (!view) return [];
  const lexicon = context.lexicon;
  const text = context.text;
  const capabilities = findIn(view, lexicon.capabilities, text);
  if (capabilities.length === 0) return [];
  const commits = findIn(view, lexicon.commit, text);
  const refusals = findIn(view, lexicon.refusal, text);
  const negations = findIn(view, lexicon.negation, text);
  if (commits.length === 0 && refusals.length === 0 && negations.length === 0) return [];
  if (findIn(view, lexicon.undecided, text).length > 0) return [];
  const clauses = splitClauses(context, view);
  const discussed = new Set(findIn(view, lexicon.discussed, text).map((match) => clauseOf(clauses, match.first)));
  const money = findMoney({ article: text, start: view.sentence.start, end: view.sentence.end, tokens: view.tokens }, lexicon);
  const numbers = findNumbers({ article: text, start: view.sentence.start, end: view.sentence.end, tokens: view.tokens }, lexicon);
  const subordinator = findIn(view, lexicon.subordinators, text)[0];
  const reportedContent = subordinator && findIn(view, lexicon.reporting, text).some((verb) => verb.first < subordinator.first);
  const actors = view.parties.filter(
    (party) =>
      actsAsParty(view, party) && party.codes.some((code) => !lexicon.nonProviders.has(code)) && !party.prepositional && !party.speaker && (!reportedContent || party.first > subordinator.first) && !isConditionQualifier(context, view, party),
  );
  const groupWords = findIn(view, lexicon.groupWords, text);
  const perClause = clauses.map((_, i) => actors.filter((party) => clauseOf(clauses, party.first) === i));
  const strongByClause = new Set(
    capabilities.filter((term) => !term.payload.weak && qualifierOf(context, view, term) !== 'group').map((term) => clauseOf(clauses, term.first)),
  );
  const sentenceConditions = new Set<ConditionFact>([...qualifyingConditions(context, context.sentences[index + 1])]);
  const termClauses = new Set(capabilities.map((term) => clauseOf(clauses, term.first)));
  // A clause without a capability of its own qualifies the pledge when it says so ("vorausgesetzt, …", "only if …").
  const markers = findIn(view, lexicon.conditionMarkers, text);
  clauses.forEach((clause, i) => {
    if (termClauses.has(i) || !markers.some((m) => m.first >= clause.from && m.first < clause.to)) return;
    for (const condition of conditionsIn(context, view, clause)) sentenceConditions.add(condition);
  });
  const pledges: PledgeProposal[] = [];
  for (const term of capabilities) {
    const clauseIndex = clauseOf(clauses, term.first);
    const clause = clauses[clauseIndex];
    if (!clause || discussed.has(clauseIndex)) continue;
    if (term.payload.weak && strongByClause.has(clauseIndex)) continue;
    if (term.payload.domain === 'finance' && money.length > 0) continue;
    if (isBackedForce(context, view, term)) continue;
    const qualifier = qualifierOf(context, view, term);
    if (qualifier === 'group') continue;
    let owner: PartyMention | undefined = qualifier ?? undefined;
    // A clause whose subject is an unnamed group ("Viele Hauptstädte …", "some countries …") inherits no party.
    const groupSubject = !owner && (perClause[clauseIndex] ?? []).length === 0 && groupWords.some((g) => g.first >= clause.from && g.first < term.first);
    if (!owner && !groupSubject) {
      for (let c = clauseIndex; c >= 0 && !owner; c -= 1) {
        const candidates = perClause[c] ?? [];
        owner = c === clauseIndex ? [...candidates].reverse().find((party) => party.first < term.first) ?? candidates[0] : candidates[candidates.length - 1];
      }
    }
    if (!owner) continue;
    // "X offered …, on condition that European countries commit troops": a subordinate clause whose subject is
    // an unnamed group gives the named party nothing.
    const found = owner;
    const subordinate = [...findIn(view, lexicon.subordinators, text), ...markers].filter((m) => m.first > found.last && m.first < term.first);
    if (!qualifier && subordinate.some((m) => groupWords.some((g) => g.first > m.last && g.first < term.first && g.first - m.last <= 3))) continue;
    const codes = coordinated(context, actors, owner).flatMap((party) => party.codes).filter((code) => !lexicon.nonProviders.has(code));
    if (codes.length === 0) continue;
    const inClause = (match: TermMatch<unknown>): boolean => match.first >= clause.from && match.first < clause.to;
    const negative =
      refusals.some(inClause) || negations.some((match) => inClause(match) && match.first < term.first && term.first - match.last <= 6);
    const hasCommitment = commits.some(inClause) || refusals.some(inClause) || commits.length > 0;
    if (!hasCommitment) continue;
    const conditions = new Set<ConditionFact>([...conditionsIn(context, view, clause), ...sentenceConditions]);
    if (term.payload.domain === 'monitoring' && /waffenstillstand|waffenruhe|ceasefire|truce/iu.test(text.slice(term.start, clause.end))) conditions.add('ceasefire');
    const sameDomain = capabilities.filter((other) => other.payload.domain === term.payload.domain && other.first >= clause.from && other.first < clause.to);
    // A count right before the term, or with up to two words between ("four mechanised infantry brigades").
    const countBefore = (span: { start: number; end: number }, other: TermMatch<CapabilityRef>): boolean => {
      if (span.end > other.start) return false;
      const between = text.slice(span.end, other.start);
      return between.length <= 30 && !/[,;:.()\d]/u.test(between) && (between.match(/\p{L}+/gu) ?? []).length <= 2;
    };
    const counted = sameDomain
      .map((other) => ({ other, count: numbers.find((span) => !span.percent && !span.article && countBefore(span, other) && !money.some((m) => m.start <= span.start && span.end <= m.end)) }))
      .find((entry) => entry.count !== undefined);
    const unit = counted?.other.payload.unit ?? term.payload.unit;
    const quantity = counted?.count && unit && unit !== 'money' ? counted.count.value : null;
    for (const party of codes) {
      if (pledges.some((p) => p.party === party && p.domain === term.payload.domain && p.negative === negative)) continue;
      pledges.push({
        kind: 'pledge',
        party,
        domain: term.payload.domain,
        quantity,
        unit: quantity === null ? null : unit,
        conditions: [...conditions].sort(),
        negative,
        quote: view.sentence.text,
      });
    }
  }
  return pledges;
}

const DETERMINERS = new Set(['the', 'these', 'this', 'those', 'such', 'a', 'an', 'its', 'their', 'our', 'die', 'der', 'den', 'dem', 'diese', 'diesen', 'dieser', 'jene', 'jenen', 'eine', 'einer']);

/**
 * A force that a party would back rather than provide: the object of a backing verb ("to support these forces",
 * "die Truppe … zu unterstützen"). Backing a force is a backstop (a fact), not an offer of troops.
 */
function isBackedForce(context: ArticleContext, view: SentenceView, term: TermMatch<CapabilityRef>): boolean {
  if (term.payload.domain !== 'land') return false;
  const text = context.text;
  const tokens = view.tokens;
  const verbs = findIn(view, context.lexicon.backing, text);
  if (context.language === 'en') {
    return verbs.some((verb) => verb.last < term.first && term.first - verb.last <= 3 && tokens.slice(verb.last + 1, term.first).every((token) => DETERMINERS.has(token.lower)));
  }
  if (!DETERMINERS.has(tokens[term.first - 1]?.lower ?? '')) return false;
  return verbs.some((verb) => verb.first > term.last && !/[,;:.]/u.test(text.slice(term.end, verb.start)));
}

function isConditionQualifier(context: ArticleContext, view: SentenceView, party: PartyMention): boolean {
  return findIn(view, context.lexicon.conditions, context.text).some(
    (condition) => condition.payload === 'us_backstop' && (condition.start <= party.start && party.end <= condition.end || (condition.first - party.last <= 1 && condition.start >= party.end)),
  );
}

const JOINS = /^\s*(?:,|,?\s*(?:und|and|sowie|as well as|oder|or|&))\s*$/u;

/** The party and those listed with it ("Frankreich, Deutschland und Großbritannien"). */
function coordinated(context: ArticleContext, actors: readonly PartyMention[], owner: PartyMention): PartyMention[] {
  const at = actors.indexOf(owner);
  if (at < 0) return [owner];
  let first = at;
  let last = at;
  while (first > 0 && JOINS.test(context.text.slice(actors[first - 1]?.end ?? 0, actors[first]?.start ?? 0))) first -= 1;
  while (last < actors.length - 1 && JOINS.test(context.text.slice(actors[last]?.end ?? 0, actors[last + 1]?.start ?? 0))) last += 1;
  return actors.slice(first, last + 1);
}
