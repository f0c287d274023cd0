import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

// `coalition ingest FILE|-`: the proposal contract with --json, a table for people, the date from the article
// or --date, HTML read as text; bad input (empty, binary, too large, unknown language, bad options) → exit 2.

interface Run {
  code: number;
  out: string;
  err: string;
}

async function* chunks(data: Buffer): AsyncIterable<Buffer> {
  yield data;
}

async function run(argv: string[], stdin: Buffer = Buffer.alloc(0)): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(['ingest', ...argv], { out: (text) => (out += text), err: (text) => (err += text) }, { stdin: chunks(stdin) });
  return { code, out, err };
}

const ARTICLE = 'Britain will send up to 5,000 troops to Ukraine after a ceasefire, the prime minister said on Monday. NATO defence ministers met in Brussels on Thursday.';

describe('coalition ingest', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-ingest-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('prints the proposal contract with --json, dates resolved against --date', async () => {
    const file = join(directory, 'article.txt');
    await writeFile(file, ARTICLE);
    const result = await run([file, '--date', '2025-10-17', '--json']);
    expect(result.code).toBe(0);
    const parsed: unknown = JSON.parse(result.out);
    expect(parsed).toEqual({
      proposals: [
        { kind: 'pledge', party: 'GB', domain: 'land', quantity: 5000, unit: 'persons', conditions: ['ceasefire'], negative: false, quote: ARTICLE.slice(0, ARTICLE.indexOf('Monday.') + 7) },
        { kind: 'meeting', date: '2025-10-16', format: 'ministers', place: 'BE', online: [], participants: ['NATO'], quote: 'NATO defence ministers met in Brussels on Thursday.' },
      ],
    });
  });

  it('reads standard input and HTML, taking the date from the page', async () => {
    const html = `<html><head><meta property="article:published_time" content="2025-10-17T08:00:00Z"><title>T</title></head>
      <body><nav>Home</nav><article><h1>Ministers meet</h1><p>NATO defence ministers met in Brussels on Thursday.</p><p>They discussed the air defence of Ukraine and the next steps of the coalition.</p></article><footer>© 2025</footer></body></html>`;
    const result = await run(['-', '--json'], Buffer.from(html));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ proposals: [{ kind: 'meeting', date: '2025-10-16', place: 'BE' }] });
    const table = await run(['-'], Buffer.from(html));
    expect(table.out).toContain('English, article date 2025-10-17 (from the article)');
    expect(table.out).toContain('2025-10-16 · ministers · BE');
  });

  it('refuses empty, binary, oversized and unknown-language input with exit 2 and a message', async () => {
    const empty = await run(['-'], Buffer.from('  \n '));
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.err).toContain('the article is empty');
    const binary = await run(['-'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]));
    expect(binary.code).toBe(2);
    expect(binary.err).toMatch(/not UTF-8 text|binary/);
    const big = join(directory, 'big.txt');
    await writeFile(big, Buffer.alloc(10 * 1024 * 1024, 'a'));
    const large = await run([big]);
    expect(large.code).toBe(2);
    expect(large.err).toContain('the article is 10,485,760 bytes; at most 2,000,000 are accepted');
    const french = await run(['-'], Buffer.from('Le gouvernement a conclu un accord avec ses partenaires européens pour la sécurité.'));
    expect(french.code).toBe(2);
    expect(french.err).toContain('cannot tell whether the article is German or English');
    const badDate = await run(['-', '--date', '3.1.2026'], Buffer.from(ARTICLE));
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--date');
    const missing = await run([join(directory, 'nope.txt')]);
    expect(missing.code).toBe(2);
  });
});
