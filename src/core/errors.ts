// Stable error codes of the core. Only the edges (API, CLI) map them to HTTP statuses or exit codes.

export type ProblemCode =
  | 'condition.syntax'
  | 'condition.non_monotone'
  | 'condition.unknown_fact'
  | 'condition.unknown_party'
  | 'condition.unknown_capability'
  | 'condition.unknown_area'
  | 'dataset.duplicate_id'
  | 'dataset.unknown_reference'
  | 'dataset.supersedes_cycle'
  | 'dataset.unit_mismatch'
  | 'guarantee.trigger_not_required';

/** One thing wrong with an input, with where it is (`pledges[12].condition`) and, for conditions, the 1-based column. */
export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
  /** 1-based character position inside a condition text. */
  column?: number;
  /** For unknown references: what was referred to. */
  reference?: { collection: string; id: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Wrap a value as a successful result. */
export function succeed<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wrap problems as a failed result. */
export function fail<T>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
