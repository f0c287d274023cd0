import type { IngestView, ProposalView } from '../../../contracts/ingest-view.schema.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { SessionState } from '../../session/session.data.js';

export { canCreateRecords } from '../../session/session.data.js';

// The Ingest page's logic without a browser: checking what the user pastes or uploads, the article cut into
// pieces with each proposal's quote marked, who may accept which proposal, and the edit form of a proposal's
// record (its fields, their checks, and the record it gives back).

export type { IngestView, ProposalView };

/** The longest article the API takes (characters; MAX_ARTICLE_CHARACTERS in contracts/ingest.schema.ts). */
export const MAX_CHARACTERS = 500_000;
/** The largest file read (bytes); HTML beyond MAX_CHARACTERS is cut down to its text-bearing markup first. */
export const MAX_FILE_BYTES = 5_000_000;

export type ArticleProblem = 'empty' | 'binary' | 'tooLarge' | 'fileType' | 'language';

export const PROBLEM_MESSAGES: Record<ArticleProblem, MessageKey> = {
  empty: 'ingest.problem.empty',
  binary: 'ingest.problem.binary',
  tooLarge: 'ingest.problem.tooLarge',
  fileType: 'ingest.problem.fileType',
  language: 'ingest.problem.language',
};

/** What is wrong with an article's text before it is sent (null: nothing). */
export function checkArticleText(text: string): ArticleProblem | null {
  if (text.trim().length === 0) return 'empty';
  if (text.includes('\u0000')) return 'binary';
  if (text.length > MAX_CHARACTERS) return 'tooLarge';
  return null;
}

/** An uploaded file as text: UTF-8 .txt or .html, not binary; big HTML is cut down to the markup that bears text. */
export function decodeUpload(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ArticleProblem } {
  if (!/\.(txt|text|html?|xhtml)$/i.test(name)) return { ok: false, problem: 'fileType' };
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'binary' };
  }
  text = text.replace(/^\uFEFF/u, '');
  if (/\.x?html?$/i.test(name) && text.length > MAX_CHARACTERS) text = slimHtml(text);
  const problem = checkArticleText(text);
  return problem ? { ok: false, problem } : { ok: true, text };
}

/** HTML without scripts, styles, SVG, comments and inline attributes other than what names the date. */
export function slimHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|noscript|template|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(\w+)\s[^>]*?((?:property|name|content|datetime|itemprop)="[^"]*")?[^>]*>/g, (whole, tag: string) => {
      const keep = whole.match(/\s(?:property|name|content|datetime|itemprop)="[^"]*"/g);
      return `<${tag}${keep ? keep.join('') : ''}>`;
    })
    .replace(/\n\s*\n+/g, '\n');
}

/** The field an API problem is about (`text`, `language`, `source.publisher`, `record.format` → `format`). */
export function problemField(path: string): { scope: 'article' | 'source' | 'record' | 'other'; field: string } {
  const record = /^items\[\d+\]\.record\.?([^.[]*)/.exec(path);
  if (record) return { scope: 'record', field: record[1] ?? '' };
  if (path.startsWith('source.')) return { scope: 'source', field: path.slice('source.'.length) };
  if (['text', 'language', 'date', 'url', 'publisher'].includes(path)) return { scope: 'article', field: path };
  return { scope: 'other', field: path };
}

/** An ingest refusal (400/413 of POST /api/ingest) as one of the page's own messages, when it is one. */
export function articleProblemOf(status: number, code: string, problems: readonly { path: string; message: string }[]): ArticleProblem | null {
  if (status === 413 || code === 'input.too_large') return 'tooLarge';
  for (const problem of problems) {
    if (problem.path === 'language') return 'language';
    if (problem.path === 'text' && /empty|no text/.test(problem.message)) return 'empty';
    if (problem.path === 'text' && /binary|UTF-8/.test(problem.message)) return 'binary';
  }
  return null;
}

export interface Piece {
  text: string;
  start: number;
  /** The proposals whose quote covers this piece (none: plain text). */
  proposals: number[];
}

/** The article cut at every quote's start and end, each piece with the proposals that quote it. */
export function highlightPieces(text: string, proposals: readonly { index: number; span: { start: number; end: number } }[]): Piece[] {
  const spans = proposals.filter((p) => p.span.end > p.span.start && p.span.start >= 0 && p.span.end <= text.length);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((p) => [p.span.start, p.span.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? text.length;
    if (end <= start) continue;
    const covering = spans.filter((p) => p.span.start <= start && p.span.end >= end).map((p) => p.index);
    pieces.push({ text: text.slice(start, end), start, proposals: covering });
  }
  return pieces;
}

/** Who may write a draft: a coordinator's records, a party's pledge or contribution (DESIGN.md §2). */
export function writerOf(draft: { entity: string; record: Record<string, unknown> }): { kind: 'coordinator' } | { kind: 'delegate'; parties: string[] } {
  if (draft.entity === 'pledges') return { kind: 'delegate', parties: typeof draft.record.party === 'string' ? [draft.record.party] : [] };
  if (draft.entity === 'contributions') return { kind: 'delegate', parties: donorCodes(draft.record.donors) };
  return { kind: 'coordinator' };
}

/** May this session accept the draft (the server checks again)? */
export function canAccept(session: SessionState, draft: { entity: string; record: Record<string, unknown> }): boolean {
  if (session.kind === 'open') return true;
  if (session.kind !== 'signed-in') return false;
  const writer = writerOf(draft);
  if (writer.kind === 'coordinator') return session.user.role === 'coordinator';
  return session.user.role === 'delegate' && session.user.party !== null && writer.parties.includes(session.user.party);
}

/** Party codes of a contribution's donors. */
export function donorCodes(donors: unknown): string[] {
  if (!Array.isArray(donors)) return [];
  return donors.map((donor: unknown) => (typeof donor === 'object' && donor !== null && typeof (donor as { party?: unknown }).party === 'string' ? (donor as { party: string }).party : '')).filter(Boolean);
}

/** Where a record is shown in the app. */
export function recordHref(entity: string, id: string): string {
  switch (entity) {
    case 'pledges':
      return `/pledges/${encodeURIComponent(id)}`;
    case 'meetings':
    case 'sanctions-packages':
      return '/timeline';
    case 'requirements':
      return '/requirements';
    case 'contributions':
      return '/purl';
    case 'sources':
      return `/sources?ids=${encodeURIComponent(id)}#${encodeURIComponent(id)}`;
    default:
      return '/';
  }
}

/** The proposals still to decide on (open, with a record, not already recorded). */
export function openProposals(view: IngestView): ProposalView[] {
  return view.proposals.filter((p) => p.status === 'open' && p.draft !== null && p.duplicate === null);
}
