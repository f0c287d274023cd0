import type { FactValue } from '../../core/types.js';

// The view's state lives in the URL, so a link reproduces it and back/forward step through it: the scenario's
// fact switches (`facts=ceasefire:true,us_backstop:unknown`), the as-of date (`asOf=2025-09-01`), the language
// (`lang=de`) travel from page to page; a page's own filters and sort (`pledges.sort=party`) stay on that page.

/** Query parameters that every in-app link carries along. */
export const GLOBAL_PARAMS = ['asOf', 'lang', 'facts', 'currency'] as const;

/** The currencies a view can show money in (converted by the server at ECB reference rates); EUR unless the URL says USD. */
export const VIEW_CURRENCIES = ['EUR', 'USD'] as const;
export type ViewCurrency = (typeof VIEW_CURRENCIES)[number];

/** The view's currency from the URL (`currency=USD`); anything else is EUR. */
export function parseCurrency(value: string | null): ViewCurrency {
  return value === 'USD' ? 'USD' : 'EUR';
}

/** The fact switches written in a URL, `id:value` pairs; malformed pairs are ignored. */
export function parseFacts(value: string | null): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  for (const pair of (value ?? '').split(',')) {
    const at = pair.lastIndexOf(':');
    if (at <= 0) continue;
    const id = pair.slice(0, at);
    const text = pair.slice(at + 1);
    if (text === 'true') facts.set(id, true);
    else if (text === 'false') facts.set(id, false);
    else if (text === 'unknown') facts.set(id, 'unknown');
  }
  return facts;
}

/** Fact switches as a URL value, sorted by id (undefined when there are none). */
export function formatFacts(facts: ReadonlyMap<string, FactValue>): string | undefined {
  if (facts.size === 0) return undefined;
  return [...facts].sort(([a], [b]) => a.localeCompare(b)).map(([id, value]) => `${id}:${String(value)}`).join(',');
}

/** A date in the URL when it is a real yyyy-mm-dd date, else undefined. */
export function parseAsOf(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

/** `to` with the global parameters of the current query added where `to` does not set them itself. */
export function carryGlobals(to: string, current: URLSearchParams): string {
  const hash = to.indexOf('#');
  const base = hash < 0 ? to : to.slice(0, hash);
  const fragment = hash < 0 ? '' : to.slice(hash);
  const question = base.indexOf('?');
  const path = question < 0 ? base : base.slice(0, question);
  const query = new URLSearchParams(question < 0 ? '' : base.slice(question + 1));
  for (const key of GLOBAL_PARAMS) {
    const value = current.get(key);
    if (value !== null && !query.has(key)) query.set(key, value);
  }
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}${fragment}`;
}

/** The query with `updates` applied (undefined or '' removes a parameter). */
export function updateQuery(current: URLSearchParams, updates: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(updates)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}
