import { MAX_ARTICLE_BYTES } from '../../contracts/ingest.schema.js';
import { InputError } from '../../contracts/input-error.js';
import { extractProposals, type LocatedProposal } from '../../core/ingest/extract-proposals.js';
import { readArticle } from '../../core/ingest/read-article.js';
import type { Language } from '../../core/ingest/types.js';
import { loadLexicons } from './load-lexicons.js';

// News ingestion's first step (docs/ingestion.md): an article (bytes or text; plain or HTML) is checked,
// read, and the core proposes records. Bad input — empty, binary, too large, neither German nor English —
// is an InputError naming the field. Nothing is stored here.

export interface ArticleInput {
  content: Uint8Array | string;
  /** The article's date when known; wins over a date found in the article. */
  date?: string | undefined;
  language?: Language | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
}

export interface ProposedArticle {
  text: string;
  language: Language;
  date: string | null;
  dateFrom: 'given' | 'article' | null;
  url: string | null;
  publisher: string | null;
  title: string | null;
  proposals: LocatedProposal[];
}

const bad = (message: string, path = 'text'): InputError => new InputError('input.invalid', message, [{ path, message }]);

/** Decode and check an article's content: UTF-8 text, not empty, not binary, not too large. */
export function decodeArticle(content: Uint8Array | string): string {
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (size > MAX_ARTICLE_BYTES) {
    const message = `the article is ${size.toLocaleString('en')} bytes; at most ${MAX_ARTICLE_BYTES.toLocaleString('en')} are accepted`;
    throw new InputError('input.too_large', message, [{ path: 'text', message }]);
  }
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw bad('the article is not UTF-8 text (binary data?)');
    }
  }
  if (text.includes('\u0000')) throw bad('the article is binary data, not text');
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) || code === 127) controls += 1;
  }
  if (controls > Math.max(8, text.length / 200)) throw bad('the article is binary data, not text');
  if (text.trim().length === 0) throw bad('the article is empty');
  return text.replace(/^\uFEFF/u, '');
}

/** Propose records for an article (text or HTML). */
export async function proposeRecords(input: ArticleInput, lexiconDirectory?: string): Promise<ProposedArticle> {
  const raw = decodeArticle(input.content);
  const article = readArticle(raw);
  if (article.text.trim().length === 0) throw bad('the HTML has no text');
  const lexicons = await loadLexicons(lexiconDirectory);
  const date = input.date ?? article.meta.date;
  const result = extractProposals({ text: article.text, articleDate: date, lexicons, ...(input.language ? { language: input.language } : {}) });
  if (!result.ok) throw bad('cannot tell whether the article is German or English; give its language (de or en)', 'language');
  return {
    text: article.text,
    language: result.language,
    date,
    dateFrom: input.date ? 'given' : article.meta.date ? 'article' : null,
    url: input.url ?? article.meta.url,
    publisher: input.publisher ?? article.meta.publisher,
    title: article.meta.title,
    proposals: result.proposals,
  };
}
