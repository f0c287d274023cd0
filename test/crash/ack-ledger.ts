import type { AuditVerification } from '../../src/services/audit/verify-audit.js';
import type { Ack, PledgeState } from './writer-process.js';

// What the writers acknowledged, and the checks after each restart: every acknowledged write is there (the
// record is at the acknowledged version with its note, or at a later version), the audit chain verifies, and
// the chain has exactly one entry per record version (demo records created + every committed edit).

export interface CheckOutcome {
  problems: string[];
  /** Acknowledged writes covered by this check (each pledge's last ack covers its earlier ones). */
  acksChecked: number;
  /** Writes found committed although their ack was never printed (killed between commit and print). */
  unacknowledgedCommits: number;
}

export class AckLedger {
  readonly acks: Ack[] = [];
  private readonly last = new Map<string, Ack>();
  /** The highest version known to exist per pledge: acknowledged or seen after a restart. */
  private readonly known = new Map<string, number>();
  /** Records the demo load created (each has one audit entry at version 1). */
  demoCreated = 0;

  /** Add a writer's acks, in the order printed; versions of one pledge must increase. */
  add(acks: readonly Ack[]): string[] {
    const problems: string[] = [];
    for (const ack of acks) {
      const previous = this.last.get(ack.id);
      if (previous && ack.version <= previous.version) {
        problems.push(`${ack.id}: ack of version ${ack.version} after an ack of version ${previous.version}`);
      }
      this.acks.push(ack);
      this.last.set(ack.id, ack);
      this.known.set(ack.id, Math.max(this.known.get(ack.id) ?? 0, ack.version));
    }
    return problems;
  }

  /** Check the store's state (pledges and audit verification) against every ack so far. */
  check(states: readonly PledgeState[], audit: AuditVerification | undefined, where: string): CheckOutcome {
    const problems: string[] = [];
    const byId = new Map(states.map((state) => [state.id, state]));
    for (const [id, ack] of this.last) {
      const state = byId.get(id);
      if (!state) problems.push(`${where}: pledge ${id} is gone (last ack: version ${ack.version}, cycle ${ack.cycle})`);
      else if (state.version < ack.version) {
        problems.push(`${where}: LOST WRITE: ${id} is at version ${state.version} but version ${ack.version} ('${ack.note}', cycle ${ack.cycle}) was acknowledged`);
      } else if (state.version === ack.version && state.note !== ack.note) {
        problems.push(`${where}: ${id} version ${ack.version} has note '${String(state.note)}', acknowledged '${ack.note}' (cycle ${ack.cycle})`);
      }
    }
    let unacknowledgedCommits = 0;
    for (const state of states) {
      const known = this.known.get(state.id) ?? 1;
      if (state.version > known) unacknowledgedCommits += state.version - known;
      this.known.set(state.id, Math.max(known, state.version));
    }
    if (!audit) problems.push(`${where}: no audit verification reported`);
    else if (!audit.ok) problems.push(`${where}: audit chain broken at entry ${audit.firstBad}: ${audit.reason}`);
    else {
      // One entry per created record and per edit: Σ(version − 1) over the pledges (only pledges are edited).
      const expected = this.demoCreated + states.reduce((sum, state) => sum + state.version - 1, 0);
      if (audit.entries !== expected) problems.push(`${where}: the audit chain has ${audit.entries} entries, the records' versions say ${expected}`);
    }
    return { problems, acksChecked: this.acks.length, unacknowledgedCommits };
  }
}

/** Find each ack in the audit history of its pledge: an entry whose `after` has the ack's version and note. */
export function checkAcksInHistory(acks: readonly Ack[], history: ReadonlyMap<string, readonly unknown[]>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Set<string>>();
  for (const [id, entries] of history) {
    const keys = new Set<string>();
    for (const after of entries) {
      if (after && typeof after === 'object' && 'version' in after) {
        const { version, note } = after as { version: unknown; note?: unknown };
        keys.add(`${String(version)} ${String(note)}`);
      }
    }
    seen.set(id, keys);
  }
  for (const ack of acks) {
    if (!seen.get(ack.id)?.has(`${ack.version} ${ack.note}`)) {
      problems.push(`ack ${ack.id} v${ack.version} '${ack.note}' (cycle ${ack.cycle}) has no audit entry`);
    }
  }
  return problems;
}
