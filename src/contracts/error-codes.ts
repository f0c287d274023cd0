import type { ProblemCode } from '../core/errors.js';

// The one table of error codes and what they mean at each edge: HTTP status for the API, exit code for the CLI.

export type ErrorCode =
  | ProblemCode
  | 'input.invalid'
  | 'input.too_large'
  | 'analysis.too_large'
  | 'input.unsupported_media_type'
  | 'version.required'
  | 'not_found'
  | 'conflict'
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.forbidden'
  | 'auth.csrf'
  | 'auth.locked'
  | 'approval.required'
  | 'approval.same_person'
  | 'approval.stale'
  | 'internal';

interface ErrorMapping {
  http: number;
  exit: number;
}

const ERROR_TABLE: Record<ErrorCode, ErrorMapping> = {
  'input.invalid': { http: 400, exit: 2 },
  'input.too_large': { http: 413, exit: 2 },
  'analysis.too_large': { http: 422, exit: 2 },
  'input.unsupported_media_type': { http: 415, exit: 2 },
  'version.required': { http: 428, exit: 2 },
  'condition.syntax': { http: 422, exit: 2 },
  'condition.non_monotone': { http: 422, exit: 2 },
  'condition.unknown_fact': { http: 422, exit: 2 },
  'condition.unknown_party': { http: 422, exit: 2 },
  'condition.unknown_capability': { http: 422, exit: 2 },
  'condition.unknown_area': { http: 422, exit: 2 },
  'dataset.duplicate_id': { http: 422, exit: 2 },
  'dataset.unknown_reference': { http: 422, exit: 2 },
  'dataset.supersedes_cycle': { http: 422, exit: 2 },
  'dataset.unit_mismatch': { http: 422, exit: 2 },
  'guarantee.trigger_not_required': { http: 422, exit: 2 },
  not_found: { http: 404, exit: 2 },
  conflict: { http: 409, exit: 2 },
  'auth.required': { http: 401, exit: 2 },
  'auth.invalid_credentials': { http: 401, exit: 2 },
  'auth.forbidden': { http: 403, exit: 2 },
  'auth.csrf': { http: 403, exit: 2 },
  'auth.locked': { http: 429, exit: 2 },
  'approval.required': { http: 422, exit: 2 },
  'approval.same_person': { http: 403, exit: 2 },
  'approval.stale': { http: 409, exit: 2 },
  internal: { http: 500, exit: 1 },
};

/** The HTTP status for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_TABLE[code].http;
}

/** The CLI exit code for an error code. */
export function exitCodeOf(code: ErrorCode): number {
  return ERROR_TABLE[code].exit;
}
