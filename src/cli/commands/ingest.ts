import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { ingestLanguageSchema, MAX_ARTICLE_BYTES } from '../../contracts/ingest.schema.js';
import { urlSchema } from '../../contracts/primitives.schema.js';
import { InputError } from '../../contracts/input-error.js';
import type { Proposal } from '../../core/ingest/types.js';
import { proposeRecords } from '../../services/ingest/propose-records.js';
import type { CliIo } from '../io.js';
import { formatNumber, formatTable } from '../output.js';
import { parseOptions } from '../parse-options.js';

// `coalition ingest FILE`: an article (plain text or HTML; `-` for standard input) → proposed records, each
// with the sentence it rests on. Nothing is stored; `--json` prints the proposal contract of issue 28.

const optionsSchema = z.strictObject({
  date: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
  lang: ingestLanguageSchema.optional(),
  url: urlSchema(2000).optional(),
  json: z.boolean().optional(),
});

const tooLarge = (size: string): InputError => {
  const message = `the article is ${size} bytes; at most ${MAX_ARTICLE_BYTES.toLocaleString('en')} are accepted`;
  return new InputError('input.too_large', message, [{ path: 'FILE', message }]);
};

/** Read the article, refusing one over MAX_ARTICLE_BYTES without reading it all. */
async function readLimited(file: string, stdin: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      size += buffer.byteLength;
      if (size > MAX_ARTICLE_BYTES) throw tooLarge(`more than ${MAX_ARTICLE_BYTES.toLocaleString('en')}`);
    }
    return Buffer.concat(chunks);
  }
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputError('input.invalid', `${file} is not a file`, [{ path: 'FILE', message: 'not a file' }]);
    if (stat.size > MAX_ARTICLE_BYTES) throw tooLarge(stat.size.toLocaleString('en'));
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function describe(proposal: Proposal): [string, string] {
  const list = (codes: readonly string[]): string => (codes.length > 0 ? codes.join(', ') : '–');
  switch (proposal.kind) {
    case 'meeting':
      return ['meeting', `${proposal.date ?? 'undated'} · ${proposal.format} · ${proposal.place ?? 'no place'} · participants ${list(proposal.participants)}${proposal.online.length ? ` (online ${list(proposal.online)})` : ''}`];
    case 'contribution':
      return ['contribution', `${list(proposal.donors)} · ${formatNumber(proposal.amount)} ${proposal.currency} · ${proposal.programme} · ${proposal.date ?? 'undated'}`];
    case 'pledge':
      return [
        'pledge',
        `${proposal.party} · ${proposal.negative ? 'refuses ' : ''}${proposal.domain}${proposal.quantity !== null ? ` · ${formatNumber(proposal.quantity)} ${proposal.unit ?? ''}` : ''}${proposal.conditions.length ? ` · if ${proposal.conditions.join(' and ')}` : ''}`,
      ];
    case 'estimate':
      return ['estimate', `${formatNumber(proposal.amount)} ${proposal.unit}${proposal.by ? ` · by ${proposal.by}` : ''} · ${proposal.what}`];
    case 'sanctions':
      return ['sanctions', `${proposal.jurisdiction}${proposal.number !== null ? ` package ${proposal.number}` : ''} · ${proposal.date ?? 'undated'}${proposal.measures.length ? ` · ${proposal.measures.join(', ')}` : ''}`];
    case 'fact':
      return ['fact', `${proposal.fact} = ${String(proposal.value)}`];
  }
}

const shorten = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/** Register `coalition ingest`. */
export function registerIngestCommand(program: Command, io: CliIo, stdin: AsyncIterable<Buffer | string> = process.stdin): void {
  program
    .command('ingest')
    .description('propose records (meetings, contributions, pledges, estimates, sanctions, facts) from a German or English news article, each quoting its sentence; stores nothing')
    .argument('<file>', 'the article: plain text or HTML; - for standard input')
    .option('--date <date>', "the article's date YYYY-MM-DD, for relative dates (default: the date the article states)")
    .option('--lang <language>', 'de or en (default: detected)')
    .option('--url <url>', "the article's URL (shown with the proposals)")
    .option('--json', 'the proposal contract: {"proposals": [...]}')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOptions(optionsSchema, raw);
      const content = await readLimited(file, stdin);
      const result = await proposeRecords({ content, date: options.date, language: options.lang, url: options.url });
      const proposals = result.proposals.map((located) => located.proposal);
      if (options.json) {
        io.out(`${JSON.stringify({ proposals }, null, 2)}\n`);
        return;
      }
      const header = [
        `${file === '-' ? 'standard input' : file}: ${result.language === 'de' ? 'German' : 'English'}, article date ${result.date ?? 'unknown'}${result.dateFrom === 'article' ? ' (from the article)' : ''}${result.url ? `, ${result.url}` : ''}`,
        `${proposals.length} proposed record${proposals.length === 1 ? '' : 's'}${result.date ? '' : ' (no article date: relative dates are left open; give --date)'}`,
      ];
      const rows = proposals.map((proposal, index) => {
        const [kind, what] = describe(proposal);
        return [String(index + 1), kind, shorten(what, 70), `“${shorten(proposal.quote, 80)}”`];
      });
      io.out(`${header.join('\n')}\n${proposals.length > 0 ? `${formatTable(['#', 'kind', 'record', 'quote'], rows, ['right'])}\n` : ''}`);
    });
}
