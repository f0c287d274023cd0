import type autocannon from 'autocannon';
import type { BenchCredentials } from './bench-users.js';

// The write workload: PUT /api/pledges/:id edits, each carrying the version it changes. A per-pledge version
// map is updated from the responses; a pledge with a request in flight is not picked again until its response
// arrived, so the benchmark itself causes no conflicts (a 409 means someone else wrote, or a lost update).
// After the run, checkAcknowledged() proves that no 200-acknowledged write was lost.

const STALE_MS = 11_000;

type PresentedPledge = { id: string; version: number; createdAt?: string; updatedAt?: string; note?: string } & Record<string, unknown>;

export interface Ack {
  id: string;
  version: number;
  note: string;
}

export interface WriteCounts {
  ok: number;
  conflicts: number;
  otherNon2xx: number;
  statuses: Record<string, number>;
}

interface WriteContext {
  pledge?: string;
  note?: string;
}

export class PledgeWrites {
  private readonly records = new Map<string, Record<string, unknown>>();
  private readonly versions = new Map<string, number>();
  /** Pledges with a request in flight, and when it was sent. */
  private readonly inFlight = new Map<string, number>();
  readonly acks: Ack[] = [];
  readonly counts: WriteCounts = { ok: 0, conflicts: 0, otherNon2xx: 0, statuses: {} };
  private sequence = 0;

  constructor(
    private readonly label: string,
    private readonly random: () => number,
    private readonly credentials: BenchCredentials,
  ) {}

  /** Load every pledge with its current version. */
  async load(baseUrl: string): Promise<number> {
    const response = await fetch(`${baseUrl}/api/pledges?limit=500`, { headers: this.credentials.reader });
    if (!response.ok) throw new Error(`GET /api/pledges: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: PresentedPledge[] };
    for (const item of page.items) {
      const { version, createdAt: _created, updatedAt: _updated, ...record } = item;
      this.records.set(item.id, record);
      this.versions.set(item.id, version);
    }
    return page.items.length;
  }

  /**
   * After a run: autocannon drops the requests still in flight when its time is up, but the server finishes
   * them (committed, never acknowledged). Wait until the audit head stops moving, then reload the versions.
   */
  async resync(baseUrl: string): Promise<void> {
    let previous = -1;
    for (let attempt = 0; attempt < 50; attempt++) {
      const head = (await (await fetch(`${baseUrl}/api/audit?limit=1`, { headers: this.credentials.reader })).json()) as { items: { seq: number }[] };
      const seq = head.items[0]?.seq ?? 0;
      if (seq === previous) break;
      previous = seq;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    this.inFlight.clear();
    await this.load(baseUrl);
  }

  /** The next write for the paced generator: same choice and bookkeeping as the autocannon request. */
  nextPaced(): { method: string; path: string; body: string; headers: Record<string, string>; done: (status: number, body: string) => void } {
    const context: WriteContext = {};
    const prepared = this.setup({ method: 'PUT', path: '/api/pledges/_' }, context);
    const headers = this.credentials.writerOf(String(this.records.get(context.pledge ?? '')?.party));
    return { method: 'PUT', path: prepared.path as string, body: prepared.body as string, headers, done: (status, body) => this.onResponse(status, body, context) };
  }

  /** The autocannon request: picks a pledge that has no request in flight. */
  request(): autocannon.Request {
    return {
      method: 'PUT',
      path: '/api/pledges/_',
      setupRequest: (request, context) => this.setup(request, context as WriteContext),
      onResponse: (status, body, context) => this.onResponse(status, body, context as WriteContext),
    };
  }

  private setup(request: autocannon.Request, context: WriteContext): autocannon.Request {
    // A request that never got a response (connection error, timeout) leaves its pledge in flight: after the
    // request timeout it may be picked again; if its version moved, the 409 tells the current one.
    const now = performance.now();
    const free = [...this.records.keys()].filter((id) => now - (this.inFlight.get(id) ?? -Infinity) > STALE_MS);
    const candidates = free.length > 0 ? free : [...this.records.keys()];
    const id = candidates[Math.floor(this.random() * candidates.length)] as string;
    this.inFlight.set(id, now);
    const note = `${this.label} write ${++this.sequence}`;
    context.pledge = id;
    context.note = note;
    const body = JSON.stringify({ ...this.records.get(id), note, version: this.versions.get(id) });
    // Each pledge is edited by a delegate of its party (bench-users.ts).
    const headers = { ...this.credentials.writerOf(String(this.records.get(id)?.party)), 'content-type': 'application/json' };
    return { ...request, path: `/api/pledges/${encodeURIComponent(id)}`, body, headers };
  }

  private onResponse(status: number, body: string, context: WriteContext): void {
    const id = context.pledge;
    if (id === undefined) return;
    this.inFlight.delete(id);
    this.counts.statuses[status] = (this.counts.statuses[status] ?? 0) + 1;
    if (status === 200) {
      const written = JSON.parse(body) as PresentedPledge;
      this.versions.set(id, written.version);
      this.acks.push({ id, version: written.version, note: context.note ?? '' });
      this.counts.ok++;
    } else if (status === 409) {
      this.counts.conflicts++;
      const current = (JSON.parse(body) as { details?: { currentVersion?: number } }).details?.currentVersion;
      if (typeof current === 'number') this.versions.set(id, current);
    } else this.counts.otherNon2xx++;
  }

  /** Read the pledges, their histories and the audit verification back; returns the problems found. */
  async checkAcknowledged(baseUrl: string): Promise<{ problems: string[]; checked: number; auditEntries: number }> {
    const problems: string[] = [];
    const response = await fetch(`${baseUrl}/api/pledges?limit=500`, { headers: this.credentials.reader });
    const finals = new Map(((await response.json()) as { items: PresentedPledge[] }).items.map((item) => [item.id, item.version]));
    const byPledge = new Map<string, Ack[]>();
    for (const ack of this.acks) byPledge.set(ack.id, [...(byPledge.get(ack.id) ?? []), ack]);
    for (const [id, acks] of byPledge) {
      const final = finals.get(id);
      const versions = new Set(acks.map((ack) => ack.version));
      if (versions.size !== acks.length) problems.push(`${id}: two writes were acknowledged with the same version (a lost update)`);
      for (const ack of acks) if (final === undefined || ack.version > final) problems.push(`${id}: acknowledged version ${ack.version}, final ${String(final)}`);
      const history = (await (await fetch(`${baseUrl}/api/pledges/${encodeURIComponent(id)}/history`, { headers: this.credentials.reader })).json()) as { items: { after: PresentedPledge | null }[] };
      const recorded = new Set(history.items.map((entry) => `${entry.after?.version} ${entry.after?.note}`));
      for (const ack of acks) if (!recorded.has(`${ack.version} ${ack.note}`)) problems.push(`${id}: acknowledged version ${ack.version} ('${ack.note}') has no audit entry`);
    }
    const verify = (await (await fetch(`${baseUrl}/api/audit/verify`, { headers: this.credentials.reader })).json()) as { ok: boolean; entries: number; reason?: string };
    if (!verify.ok) problems.push(`audit chain does not verify: ${verify.reason ?? '?'}`);
    return { problems, checked: this.acks.length, auditEntries: verify.entries };
  }
}
