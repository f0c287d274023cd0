import { canonicalJson } from '../audit/canonical-json.js';
import { settleIncident } from '../incidents/incident-writes.js';
import type { WriteDecision } from './permissions.js';
import { isUser, type Principal } from './principal.js';

// What a delegate may put in another party's name (DESIGN.md §2). A contribution names its donors; a delegate
// records its own party's part, and another donor's part counts only once that donor's delegate (or a
// coordinator) confirms it — the confirmation is kept per donor (`confirmed: false` while pending; absent:
// confirmed, as the system writes). A source belongs to the party whose delegate created it (`owner`; absent:
// the coordinators'). The service applies `settleWrittenRecord` to every record a user writes.

interface DonorLike {
  party: string;
  share?: number | undefined;
  confirmed?: boolean | undefined;
}

interface ContributionLike {
  donors: DonorLike[];
}

/** Whether a donor's part is confirmed (absent: yes, as written by the system). */
export function isConfirmed(donor: DonorLike): boolean {
  return donor.confirmed !== false;
}

/** The donors of a contribution whose parts are confirmed ([] for anything else). */
export function confirmedDonorsOf(record: unknown): string[] {
  const donors = donorsOf(record);
  return donors ? donors.filter(isConfirmed).map((donor) => donor.party) : [];
}

/** The owner party of a source, or undefined (the coordinators'). */
export function sourceOwnerOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const owner = (record as { owner?: unknown }).owner;
  return typeof owner === 'string' ? owner : undefined;
}

/**
 * The record a user's write stores. Contributions: the writer's party's part is confirmed by writing it;
 * another donor's confirmation survives only a write that leaves the figures (fund, package, amount,
 * currency, date, status, donors and shares) as they were — anything else sets it back to unconfirmed, whatever
 * the body says. Sources: a delegate's source is its party's (`owner`), and stays whose it was. Incidents: the
 * day of verification is the service's (settleIncident).
 */
export function settleWrittenRecord<R>(principal: Principal, collection: string, before: R | undefined, after: R): R {
  if (!isUser(principal)) return after;
  if (collection === 'incidents') return settleIncident(before, after);
  if (collection === 'contributions') return settleDonors(principal.role === 'delegate' ? principal.party : null, before, after);
  if (collection === 'sources') {
    const owner = before !== undefined ? sourceOwnerOf(before) : principal.role === 'delegate' ? (principal.party ?? undefined) : sourceOwnerOf(after);
    const { owner: _given, ...rest } = after as R & { owner?: unknown };
    return (owner === undefined ? rest : { ...rest, owner }) as R;
  }
  return after;
}

function settleDonors<R>(party: string | null, before: R | undefined, after: R): R {
  const donors = donorsOf(after);
  if (!donors) return after;
  const previous = before === undefined ? undefined : donorsOf(before);
  const unchanged = previous !== undefined && figuresOf(before) === figuresOf(after);
  const settled = donors.map((donor) => {
    const was = previous?.find((item) => item.party === donor.party);
    const confirmed = donor.party === party || (unchanged && was !== undefined && isConfirmed(was));
    return { ...donor, confirmed };
  });
  return { ...(after as ContributionLike), donors: settled } as R;
}

/**
 * Whether a principal may confirm `party`'s part of a contribution: a delegate of that party, or a coordinator
 * (the system too); the party must be a donor.
 */
export function decideDonorConfirmation(principal: Principal, contribution: unknown, party: string): WriteDecision {
  if (!(donorsOf(contribution) ?? []).some((donor) => donor.party === party)) return { ok: false, reason: 'forbidden', message: `${party} is not a donor of this contribution` };
  if (!isUser(principal) || principal.role === 'coordinator' || (principal.role === 'delegate' && principal.party === party)) return { ok: true };
  return { ok: false, reason: 'forbidden', message: `only a delegate of ${party} or a coordinator may confirm ${party}'s part` };
}

/** The contribution with `party`'s part confirmed. */
export function confirmDonor<R>(contribution: R, party: string): R {
  const donors = donorsOf(contribution) ?? [];
  return { ...(contribution as ContributionLike), donors: donors.map((donor) => (donor.party === party ? { ...donor, confirmed: true } : donor)) } as R;
}

function donorsOf(record: unknown): DonorLike[] | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const donors = (record as { donors?: unknown }).donors;
  if (!Array.isArray(donors)) return undefined;
  return donors.filter((donor): donor is DonorLike => typeof donor === 'object' && donor !== null && typeof (donor as { party?: unknown }).party === 'string');
}

// What a donor confirms: the money and who gives which share of it.
function figuresOf(record: unknown): string {
  const value = record as Record<string, unknown>;
  const donors = (donorsOf(record) ?? []).map((donor) => ({ party: donor.party, share: donor.share ?? null }));
  return canonicalJson({ fund: value.fund, package: value.package ?? null, amount: value.amount, currency: value.currency, date: value.date, status: value.status, donors });
}
