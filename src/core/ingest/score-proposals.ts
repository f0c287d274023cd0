// Scoring of proposals against gold annotations, exactly as shared/ingest/dev/ANNOTATION.md "Recommended
// scoring" says: one-to-one matching by kind and key fields (a null gold key matches anything), ties paired
// by the best agreement of secondary fields; unmatched proposals that match an `optional` entry dropped;
// precision = matched / remaining, recall = matched / gold; field accuracy on matched pairs.

import type { Proposal, ProposalKind } from './types.js';

export interface GoldFile {
  proposals: Proposal[];
  optional?: Proposal[];
}

export interface KindCounts {
  matched: number;
  proposed: number;
  gold: number;
}

export interface FieldCounts {
  agree: number;
  total: number;
}

export interface ArticleScore {
  perKind: Record<ProposalKind, KindCounts>;
  fields: Record<string, FieldCounts>;
  /** Proposals whose quote is not verbatim in the article. */
  badQuotes: number;
  unmatchedProposals: Proposal[];
  missedGold: Proposal[];
}

const KINDS: ProposalKind[] = ['meeting', 'contribution', 'pledge', 'estimate', 'sanctions', 'fact'];
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(b) * 0.01;
const keyMatch = <T>(gold: T | null, program: T | null, equal: (a: T, b: T) => boolean = (a, b) => a === b): boolean =>
  gold === null || (program !== null && equal(program, gold));

/** Whether a program proposal matches a gold entry on the key fields of its kind. */
export function matchesOnKeys(program: Proposal, gold: Proposal): boolean {
  if (program.kind !== gold.kind) return false;
  switch (gold.kind) {
    case 'meeting':
      return program.kind === 'meeting' && keyMatch(gold.date, program.date);
    case 'contribution':
      return program.kind === 'contribution' && keyMatch(gold.donors, program.donors, sameSet) && keyMatch(gold.amount, program.amount, close) && keyMatch(gold.currency, program.currency);
    case 'pledge':
      return program.kind === 'pledge' && keyMatch(gold.party, program.party) && keyMatch(gold.domain, program.domain) && keyMatch(gold.negative, program.negative);
    case 'estimate':
      return program.kind === 'estimate' && keyMatch(gold.amount, program.amount, close) && keyMatch(gold.unit, program.unit);
    case 'sanctions':
      return program.kind === 'sanctions' && keyMatch(gold.jurisdiction, program.jurisdiction) && keyMatch(gold.number, program.number);
    case 'fact':
      return program.kind === 'fact' && keyMatch(gold.fact, program.fact) && keyMatch(gold.value, program.value);
  }
}

const jaccard = (a: readonly string[], b: readonly string[]): number => {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  return a.filter((x) => b.includes(x)).length / union.size;
};

/** Secondary-field agreements of a matched pair: field name → agreement in [0, 1]. */
export function secondaryAgreement(program: Proposal, gold: Proposal): Record<string, number> {
  const out: Record<string, number> = {};
  const eq = (name: string, a: unknown, b: unknown): void => {
    out[name] = JSON.stringify(a) === JSON.stringify(b) ? 1 : 0;
  };
  if (program.kind === 'meeting' && gold.kind === 'meeting') {
    eq('meeting.format', program.format, gold.format);
    eq('meeting.place', program.place, gold.place);
    out['meeting.participants'] = jaccard(program.participants, gold.participants);
    out['meeting.online'] = jaccard(program.online, gold.online);
    if (gold.date !== null) eq('meeting.date', program.date, gold.date);
  } else if (program.kind === 'contribution' && gold.kind === 'contribution') {
    eq('contribution.programme', program.programme, gold.programme);
    eq('contribution.date', program.date, gold.date);
  } else if (program.kind === 'pledge' && gold.kind === 'pledge') {
    eq('pledge.quantity', program.quantity, gold.quantity);
    eq('pledge.unit', program.unit, gold.unit);
    out['pledge.conditions'] = sameSet(program.conditions, gold.conditions) ? 1 : 0;
  } else if (program.kind === 'sanctions' && gold.kind === 'sanctions') {
    eq('sanctions.date', program.date, gold.date);
  }
  return out;
}

const sum = (record: Record<string, number>): number => Object.values(record).reduce((a, b) => a + b, 0);

/** Score one article's proposals against its gold file. */
export function scoreArticle(options: { article: string; proposals: readonly Proposal[]; gold: GoldFile }): ArticleScore {
  const perKind = Object.fromEntries(KINDS.map((kind) => [kind, { matched: 0, proposed: 0, gold: 0 }])) as Record<ProposalKind, KindCounts>;
  const fields: Record<string, FieldCounts> = {};
  const pairs: { p: number; g: number; score: number }[] = [];
  options.proposals.forEach((program, p) => {
    options.gold.proposals.forEach((gold, g) => {
      if (matchesOnKeys(program, gold)) pairs.push({ p, g, score: sum(secondaryAgreement(program, gold)) });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.g - b.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
    usedP.add(pair.p);
    usedG.add(pair.g);
    const program = options.proposals[pair.p];
    const gold = options.gold.proposals[pair.g];
    if (!program || !gold) continue;
    perKind[gold.kind].matched += 1;
    for (const [name, value] of Object.entries(secondaryAgreement(program, gold))) {
      const counts = fields[name] ?? { agree: 0, total: 0 };
      counts.agree += value;
      counts.total += 1;
      fields[name] = counts;
    }
  }
  const unmatchedProposals: Proposal[] = [];
  options.proposals.forEach((program, p) => {
    if (usedP.has(p)) {
      perKind[program.kind].proposed += 1;
      return;
    }
    if ((options.gold.optional ?? []).some((optional) => matchesOnKeys(program, optional))) return;
    perKind[program.kind].proposed += 1;
    unmatchedProposals.push(program);
  });
  for (const gold of options.gold.proposals) perKind[gold.kind].gold += 1;
  const missedGold = options.gold.proposals.filter((_, g) => !usedG.has(g));
  const badQuotes = options.proposals.filter((program) => !options.article.includes(program.quote)).length;
  return { perKind, fields, badQuotes, unmatchedProposals, missedGold };
}

/** Add article scores up. */
export function sumScores(scores: readonly ArticleScore[]): Pick<ArticleScore, 'perKind' | 'fields' | 'badQuotes'> {
  const perKind = Object.fromEntries(KINDS.map((kind) => [kind, { matched: 0, proposed: 0, gold: 0 }])) as Record<ProposalKind, KindCounts>;
  const fields: Record<string, FieldCounts> = {};
  let badQuotes = 0;
  for (const score of scores) {
    for (const kind of KINDS) {
      perKind[kind].matched += score.perKind[kind].matched;
      perKind[kind].proposed += score.perKind[kind].proposed;
      perKind[kind].gold += score.perKind[kind].gold;
    }
    for (const [name, counts] of Object.entries(score.fields)) {
      const total = fields[name] ?? { agree: 0, total: 0 };
      total.agree += counts.agree;
      total.total += counts.total;
      fields[name] = total;
    }
    badQuotes += score.badQuotes;
  }
  return { perKind, fields, badQuotes };
}
