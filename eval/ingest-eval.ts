// `npm run eval:ingest [-- --dir DIR] [--only seed-004] [--verbose]`: runs the extractor on the development
// articles (shared/ingest/dev) and prints precision and recall per kind and overall, scored as ANNOTATION.md
// says (src/core/ingest/score-proposals.ts), then field accuracy on matched pairs.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractProposals } from '../src/core/ingest/extract-proposals.js';
import { scoreArticle, sumScores, type ArticleScore, type GoldFile } from '../src/core/ingest/score-proposals.js';
import { PROPOSAL_KINDS, type Proposal } from '../src/core/ingest/types.js';
import { loadLexicons } from '../src/services/ingest/load-lexicons.js';

// Article dates from ANNOTATION.md's table (the scorer passes them with --date).
const ARTICLE_DATES: Record<string, string> = {
  'seed-000': '2025-11-25',
  'seed-001': '2025-12-03',
  'seed-002': '2026-01-01',
  'seed-003': '2025-09-05',
  'seed-004': '2025-09-05',
};

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const candidates = [option('--dir'), join(root, '../shared/ingest/dev'), join(root, '../../shared/ingest/dev'), '/work/shared/ingest/dev'].filter(
  (dir): dir is string => dir !== undefined,
);
const directory = candidates.find((dir) => existsSync(join(dir, 'ANNOTATION.md')));
if (!directory) {
  process.stderr.write(`eval:ingest: no development set found (looked in ${candidates.join(', ')}); pass --dir DIR\n`);
  process.exit(2);
}
const only = option('--only');
const verbose = args.includes('--verbose');

function articleDate(name: string, text: string): string | null {
  return ARTICLE_DATES[name] ?? /date (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null;
}

const pct = (a: number, b: number): string => (b === 0 ? '   – ' : `${((100 * a) / b).toFixed(1).padStart(5)}`);
const show = (proposal: Proposal): string => {
  const { quote, ...rest } = proposal;
  return `${JSON.stringify(rest)}  «${quote.slice(0, 90)}»`;
};

const lexicons = await loadLexicons();
const scores: ArticleScore[] = [];
const names = readdirSync(directory)
  .filter((file) => /\.gold\.json$/.test(file))
  .map((file) => file.replace(/\.gold\.json$/, ''))
  .filter((name) => !only || name === only)
  .sort();
for (const name of names) {
  const text = readFileSync(join(directory, `${name}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(directory, `${name}.gold.json`), 'utf8')) as GoldFile;
  const result = extractProposals({ text, articleDate: articleDate(name, text), lexicons });
  const proposals = result.ok ? result.proposals.map((located) => located.proposal) : [];
  const score = scoreArticle({ article: text, proposals, gold });
  scores.push(score);
  const matched = PROPOSAL_KINDS.reduce((n, kind) => n + score.perKind[kind].matched, 0);
  const proposed = PROPOSAL_KINDS.reduce((n, kind) => n + score.perKind[kind].proposed, 0);
  const goldCount = PROPOSAL_KINDS.reduce((n, kind) => n + score.perKind[kind].gold, 0);
  process.stdout.write(`${name}: ${matched} matched, ${proposed} proposed (after optional), ${goldCount} gold\n`);
  if (verbose) {
    for (const p of score.unmatchedProposals) process.stdout.write(`  + extra   ${show(p)}\n`);
    for (const g of score.missedGold) process.stdout.write(`  - missed  ${show(g)}\n`);
  }
}

const total = sumScores(scores);
process.stdout.write(`\nkind          matched  proposed  gold  precision  recall\n`);
let m = 0;
let p = 0;
let g = 0;
for (const kind of PROPOSAL_KINDS) {
  const counts = total.perKind[kind];
  m += counts.matched;
  p += counts.proposed;
  g += counts.gold;
  process.stdout.write(
    `${kind.padEnd(13)} ${String(counts.matched).padStart(7)}  ${String(counts.proposed).padStart(8)}  ${String(counts.gold).padStart(4)}  ${pct(counts.matched, counts.proposed).padStart(9)}  ${pct(counts.matched, counts.gold).padStart(6)}\n`,
  );
}
process.stdout.write(`${'overall (de)'.padEnd(13)} ${String(m).padStart(7)}  ${String(p).padStart(8)}  ${String(g).padStart(4)}  ${pct(m, p).padStart(9)}  ${pct(m, g).padStart(6)}\n`);
process.stdout.write(`\nfield accuracy on matched pairs\n`);
for (const [field, counts] of Object.entries(total.fields).sort()) {
  process.stdout.write(`${field.padEnd(24)} ${pct(counts.agree, counts.total)} %  (${counts.agree.toFixed(2)} / ${counts.total})\n`);
}
process.stdout.write(`quotes not verbatim: ${total.badQuotes}\n`);
process.stdout.write(`development set: ${resolve(directory)}\n`);
