// Talks to the JSON API: same-origin cookies, the CSRF header on writes, and errors as ApiError with the
// server's stable code and problems, so screens can show them instead of losing them.

export interface Problem {
  path: string;
  message: string;
  /** The server's stable code (`dataset.unknown_reference`), for saying the problem in the page's language. */
  code?: string;
  column?: number;
  /** An unknown reference: what was referred to. */
  reference?: { collection: string; id: string };
}

/** An error answer of the API: HTTP status, stable code (`auth.forbidden`), message and problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remember the CSRF token of the current session (sent on every non-GET request). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Send one request; resolves with the parsed body (undefined for 204) or rejects with ApiError. */
export async function apiRequest<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const sent: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) sent['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) sent['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/** Send one request whose answer is a file (an export): its bytes and the name the server gives it. */
export async function apiDownload(method: string, path: string, body?: unknown): Promise<{ blob: Blob; filename: string }> {
  const sent: Record<string, string> = {};
  if (body !== undefined) sent['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) sent['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    throw toApiError(response.status, text ? safeJson(text) : undefined);
  }
  const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  return { blob: await response.blob(), filename };
}

/** GET a path. */
export function apiGet<T>(path: string): Promise<T> {
  return apiRequest<T>('GET', path);
}

/** Append query parameters, leaving out empty ones. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** Every item of a paginated list (the API returns at most 500 at a time). */
export async function apiListAll<T>(path: string, query: Record<string, string | undefined | null> = {}): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; offset < 100_000; offset += 500) {
    const page = await apiGet<{ items: T[]; total: number }>(withQuery(path, { ...query, limit: 500, offset }));
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const record = body as { error?: unknown; message?: unknown; details?: unknown };
    const details = record.details && typeof record.details === 'object' ? (record.details as Record<string, unknown>) : {};
    const problems = Array.isArray(details.problems) ? (details.problems as Problem[]) : [];
    return new ApiError(status, String(record.error ?? `http.${status}`), String(record.message ?? `HTTP ${status}`), problems, details);
  }
  return new ApiError(status, `http.${status}`, `HTTP ${status}`);
}
