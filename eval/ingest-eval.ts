// `npm run eval:ingest [-- --set dev|heldout|all] [--dir DIR] [--only NAME] [--batch N] [--verbose]`: runs the extractor on
// the development articles (shared/ingest/dev, the rules were developed on them) and on the held-out articles
// (eval/heldout, written before the rules were tuned on them) and prints precision and recall per kind and per
// language for each set separately, scored as ANNOTATION.md says (src/core/ingest/score-proposals.ts), then
// field accuracy on matched pairs. Default: both sets.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractProposals } from '../src/core/ingest/extract-proposals.js';
import { scoreArticle, sumScores, type ArticleScore, type GoldFile } from '../src/core/ingest/score-proposals.js';
import { PROPOSAL_KINDS, type Language, type Proposal } from '../src/core/ingest/types.js';
import { loadLexicons } from '../src/services/ingest/load-lexicons.js';

// Article dates of the development set from ANNOTATION.md's table (the scorer passes them with --date).
const DEV_DATES: Record<string, string> = {
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
const only = option('--only');
const onlyBatch = option('--batch');
const verbose = args.includes('--verbose');
const set = option('--set') ?? 'all';
if (!['dev', 'heldout', 'all'].includes(set)) {
  process.stderr.write(`eval:ingest: --set must be dev, heldout or all (got ${set})\n`);
  process.exit(2);
}

interface ArticleSet {
  title: string;
  directory: string;
  date: (name: string, text: string) => string | null;
  language: (name: string) => Language | undefined;
  /** A label to total articles by (the held-out set's batches), if any. */
  batch: (name: string) => string | undefined;
}

function devSet(): ArticleSet | null {
  const candidates = [option('--dir'), join(root, '../shared/ingest/dev'), join(root, '../../shared/ingest/dev'), '/work/shared/ingest/dev'].filter(
    (dir): dir is string => dir !== undefined,
  );
  const directory = candidates.find((dir) => existsSync(join(dir, 'ANNOTATION.md')));
  if (!directory) {
    process.stderr.write(`eval:ingest: no development set found (looked in ${candidates.join(', ')}); pass --dir DIR\n`);
    return null;
  }
  return {
    title: 'development set (German; the rules were developed on it)',
    directory,
    date: (name, text) => DEV_DATES[name] ?? /date (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null,
    language: () => undefined,
    batch: () => undefined,
  };
}

function heldOutSet(): ArticleSet {
  const directory = join(root, 'eval/heldout');
  const manifest = JSON.parse(readFileSync(join(directory, 'articles.json'), 'utf8')) as Record<string, { date?: string; language?: Language; batch?: number }>;
  return {
    title: 'held-out set (English and German; written by us in three batches, see eval/heldout/README.md)',
    directory,
    date: (name) => manifest[name]?.date ?? null,
    language: (name) => manifest[name]?.language,
    batch: (name) => (manifest[name]?.batch === undefined ? undefined : `batch ${manifest[name]?.batch}`),
  };
}

const pct = (a: number, b: number): string => (b === 0 ? '   – ' : `${((100 * a) / b).toFixed(1).padStart(5)}`);
const show = (proposal: Proposal): string => {
  const { quote, ...rest } = proposal;
  return `${JSON.stringify(rest)}  «${quote.slice(0, 90)}»`;
};
const row = (label: string, m: number, p: number, g: number): string =>
  `${label.padEnd(16)} ${String(m).padStart(7)}  ${String(p).padStart(8)}  ${String(g).padStart(4)}  ${pct(m, p).padStart(9)}  ${pct(m, g).padStart(6)}\n`;
const totals = (score: Pick<ArticleScore, 'perKind'>): [number, number, number] =>
  PROPOSAL_KINDS.reduce<[number, number, number]>((acc, kind) => [acc[0] + score.perKind[kind].matched, acc[1] + score.perKind[kind].proposed, acc[2] + score.perKind[kind].gold], [0, 0, 0]);

const lexicons = await loadLexicons();

function evaluate(articles: ArticleSet): void {
  const out = process.stdout;
  out.write(`\n== ${articles.title}\n`);
  const scores: ArticleScore[] = [];
  const byLanguage = new Map<Language, ArticleScore[]>();
  const byBatch = new Map<string, ArticleScore[]>();
  const names = readdirSync(articles.directory)
    .filter((file) => /\.gold\.json$/.test(file))
    .map((file) => file.replace(/\.gold\.json$/, ''))
    .filter((name) => !only || name === only)
    .filter((name) => !onlyBatch || articles.batch(name) === `batch ${onlyBatch}`)
    .sort();
  for (const name of names) {
    const text = readFileSync(join(articles.directory, `${name}.txt`), 'utf8');
    const gold = JSON.parse(readFileSync(join(articles.directory, `${name}.gold.json`), 'utf8')) as GoldFile;
    const result = extractProposals({ text, articleDate: articles.date(name, text), lexicons, language: articles.language(name) });
    const proposals = result.ok ? result.proposals.map((located) => located.proposal) : [];
    const score = scoreArticle({ article: text, proposals, gold });
    scores.push(score);
    if (result.ok) byLanguage.set(result.language, [...(byLanguage.get(result.language) ?? []), score]);
    const batch = articles.batch(name);
    if (batch) byBatch.set(batch, [...(byBatch.get(batch) ?? []), score]);
    const [m, p, g] = totals(score);
    out.write(`${name}: ${m} matched, ${p} proposed (after optional), ${g} gold${result.ok ? '' : ' — language not recognised'}\n`);
    if (verbose) {
      for (const extra of score.unmatchedProposals) out.write(`  + extra   ${show(extra)}\n`);
      for (const missed of score.missedGold) out.write(`  - missed  ${show(missed)}\n`);
    }
  }
  if (scores.length === 0) return;
  const total = sumScores(scores);
  out.write(`\nkind             matched  proposed  gold  precision  recall\n`);
  for (const kind of PROPOSAL_KINDS) {
    const counts = total.perKind[kind];
    out.write(row(kind, counts.matched, counts.proposed, counts.gold));
  }
  for (const [language, list] of [...byLanguage.entries()].sort()) out.write(row(`overall (${language})`, ...totals(sumScores(list))));
  for (const [batch, list] of [...byBatch.entries()].sort()) out.write(row(`overall ${batch}`, ...totals(sumScores(list))));
  out.write(row('overall', ...totals(total)));
  out.write(`\nfield accuracy on matched pairs\n`);
  for (const [field, counts] of Object.entries(total.fields).sort()) {
    out.write(`${field.padEnd(24)} ${pct(counts.agree, counts.total)} %  (${counts.agree.toFixed(2)} / ${counts.total})\n`);
  }
  out.write(`quotes not verbatim: ${total.badQuotes}\n`);
  out.write(`articles: ${resolve(articles.directory)}\n`);
}

if (set === 'dev' || set === 'all') {
  const dev = devSet();
  if (!dev) process.exit(2);
  evaluate(dev);
}
if (set === 'heldout' || set === 'all') evaluate(heldOutSet());
