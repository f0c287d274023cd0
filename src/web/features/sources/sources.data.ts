import type { Source } from '../../../core/types.js';

// Which sources the sources page shows first: the ones a figure cited, in its order, then the rest by date.

/** Cited sources first (in the order given), then every other source, newest first. */
export function selectSources<S extends Source>(sources: readonly S[], cited: readonly string[]): { source: S; cited: boolean }[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const first = cited.flatMap((id) => (byId.has(id) ? [{ source: byId.get(id) as S, cited: true }] : []));
  const citedSet = new Set(cited);
  const rest = sources
    .filter((source) => !citedSet.has(source.id))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((source) => ({ source, cited: false }));
  return [...first, ...rest];
}
