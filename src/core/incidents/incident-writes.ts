import { canonicalJson } from '../audit/canonical-json.js';

// The four-eyes rule on incidents (docs/incidents.md): `verified` is reached only when a second coordinator
// confirms a first one's request. A user's plain write may not set it, nor change what was verified (when, where,
// what, how severe, reported by whom) while it stays verified; it may dispute or dismiss it, or edit its title,
// sources and note. `verifiedOn` is the service's: kept while the incident stays verified, dropped otherwise.

/** What a verification vouches for: a change to any of these needs a new verification. */
const VERIFIED_CONTENT = ['date', 'time', 'area', 'location', 'kind', 'severity', 'reportedBy'] as const;

type IncidentLike = Record<string, unknown>;

function fieldsOf(record: unknown): IncidentLike | undefined {
  return typeof record === 'object' && record !== null ? (record as IncidentLike) : undefined;
}

/** Why a user's write of an incident (not a confirmed verification) is refused; undefined when it is allowed. */
export function incidentVerificationProblem(before: unknown, after: unknown): string | undefined {
  const next = fieldsOf(after);
  if (next?.status !== 'verified') return undefined;
  const previous = fieldsOf(before);
  if (previous?.status !== 'verified') {
    return previous === undefined
      ? 'an incident cannot be created as verified: create it as reported, then ask for its verification (a second coordinator confirms)'
      : 'verifying an incident takes two coordinators: ask for it (POST /api/incidents/<id>/verification) and have another coordinator confirm';
  }
  const changed = VERIFIED_CONTENT.filter((key) => canonicalJson(previous[key] ?? null) !== canonicalJson(next[key] ?? null));
  if (changed.length === 0) return undefined;
  return `a verified incident's ${changed.join(', ')} cannot be changed while it stays verified: set it to disputed, correct it, and ask for a new verification`;
}

/** The incident a user's write stores: `verifiedOn` kept from the stored record while it stays verified, else none. */
export function settleIncident<R>(before: R | undefined, after: R): R {
  const { verifiedOn: _given, ...rest } = after as R & { verifiedOn?: unknown };
  const previous = fieldsOf(before);
  const keep = fieldsOf(after)?.status === 'verified' && previous?.status === 'verified' && previous.verifiedOn !== undefined;
  return (keep ? { ...rest, verifiedOn: previous.verifiedOn } : rest) as R;
}
