// An article as given (plain text or HTML) → its text and what the page says about itself: the date
// (meta article:published_time, <time datetime>, JSON-LD datePublished, or a header line such as
// "date 2025-11-25" / "Stand: 03.12.2025"), the publisher, the title and the canonical URL. Pure.

export interface ArticleMeta {
  date: string | null;
  publisher: string | null;
  title: string | null;
  url: string | null;
}

export interface ReadArticle {
  text: string;
  html: boolean;
  meta: ArticleMeta;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', euro: '€', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Whether a text looks like an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  return /<(html|body|article|p|div|head|meta|h1|h2|span|br)[\s>/]/iu.test(text.slice(0, 5000));
}

const isoDate = (raw: string | undefined | null): string | null => {
  if (!raw) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const german = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(raw);
  if (german) return `${german[3]}-${(german[2] ?? '').padStart(2, '0')}-${(german[1] ?? '').padStart(2, '0')}`;
  return null;
};

function metaContent(html: string, names: readonly string[]): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/giu) ?? []) {
    const key = /\b(?:property|name|itemprop)\s*=\s*["']([^"']+)["']/iu.exec(tag)?.[1]?.toLowerCase();
    if (!key || !names.includes(key)) continue;
    const content = /\bcontent\s*=\s*["']([^"']*)["']/iu.exec(tag)?.[1];
    if (content) return decodeEntities(content).trim();
  }
  return null;
}

/** The date a plain text states about itself in its first lines ("date 2025-11-25", "Stand: 03.12.2025"). */
export function findTextDate(text: string): string | null {
  const head = text.slice(0, 400);
  const match = /(?:^|\n|\s)(?:date|datum|stand|published|veröffentlicht|updated|aktualisiert)\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})/iu.exec(head);
  return isoDate(match?.[1]);
}

/** Turn HTML into article text (scripts, styles, navigation and footers dropped; blocks become lines). */
export function htmlToText(html: string): string {
  const body = /<article\b[\s\S]*?<\/article>/iu.exec(html)?.[0] ?? /<body\b[\s\S]*<\/body>/iu.exec(html)?.[0] ?? html;
  const text = body
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|noscript|template|svg|nav|header|footer|aside|form|figure|button|iframe)\b[\s\S]*?<\/\1>/giu, ' ')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|section|article|blockquote|tr|table|figcaption|time|title|dd|dt)\b[^>]*>/giu, '\n')
    .replace(/<[^>]+>/gu, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/gu, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Read an article given as plain text or HTML. */
export function readArticle(content: string): ReadArticle {
  if (!looksLikeHtml(content)) {
    const text = content.replace(/\r\n?/gu, '\n');
    return { text, html: false, meta: { date: findTextDate(text), publisher: null, title: null, url: null } };
  }
  const text = htmlToText(content);
  const jsonLdDate = /"datePublished"\s*:\s*"([^"]+)"/u.exec(content)?.[1];
  const timeDate = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/iu.exec(content)?.[1];
  const date =
    isoDate(metaContent(content, ['article:published_time', 'date', 'dc.date', 'dcterms.date', 'pubdate', 'publishdate', 'datepublished'])) ??
    isoDate(jsonLdDate) ??
    isoDate(timeDate) ??
    findTextDate(text);
  const title = metaContent(content, ['og:title', 'twitter:title']) ?? (/<title\b[^>]*>([\s\S]*?)<\/title>/iu.exec(content)?.[1] ? decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title>/iu.exec(content)?.[1] ?? '').trim() : null);
  const canonical = /<link\b[^>]*rel\s*=\s*["']canonical["'][^>]*>/iu.exec(content)?.[0];
  const url = metaContent(content, ['og:url']) ?? (canonical ? /href\s*=\s*["']([^"']+)["']/iu.exec(canonical)?.[1] ?? null : null);
  const publisher = metaContent(content, ['og:site_name', 'publisher', 'application-name']);
  return { text, html: true, meta: { date, publisher, title, url } };
}
