import { type AnchorHTMLAttributes, type MouseEvent, useCallback, useEffect, useState } from 'react';
import { carryGlobals, updateQuery } from './url-state.data.js';

// A small client-side router on the History API: the server answers every non-API path with index.html.
// The URL holds the view's state (lib/url-state.data.ts): links carry the scenario, date and language along.

const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** Go to a path inside the app without reloading (the scenario, as-of date and language come along). */
export function navigate(to: string, options: { replace?: boolean; keepGlobals?: boolean } = {}): void {
  const target = options.keepGlobals === false ? to : carryGlobals(to, new URLSearchParams(window.location.search));
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

/** Change query parameters of the current page (undefined removes one); `replace` keeps it out of the history. */
export function setQuery(updates: Record<string, string | undefined>, options: { replace?: boolean } = {}): void {
  const next = updateQuery(new URLSearchParams(window.location.search), updates);
  const text = next.toString();
  const url = `${window.location.pathname}${text ? `?${text}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

/** The current location (path and query), re-rendering on navigation and on back/forward. */
export function useLocation(): { path: string; query: URLSearchParams; search: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = (): void => setTick((tick) => tick + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), search: window.location.search };
}

/** One query parameter of the current page and a setter (text inputs replace the history entry, choices push one). */
export function useQueryParam(name: string): [string, (value: string, options?: { replace?: boolean }) => void] {
  const { query } = useLocation();
  const set = useCallback((value: string, options: { replace?: boolean } = {}) => setQuery({ [name]: value || undefined }, options), [name]);
  return [query.get(name) ?? '', set];
}

/** An anchor that navigates inside the app (a real link: keyboard, middle click and copy work). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props;
  useLocation();
  const href = carryGlobals(to, new URLSearchParams(window.location.search));
  const follow = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href, { keepGlobals: false });
  };
  return <a href={href} onClick={follow} {...rest} />;
}
