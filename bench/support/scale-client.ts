import { readFileSync } from 'node:fs';
import { clearCache } from '../../src/web/lib/cache.js';
import { loadScenarioView } from '../../src/web/lib/load-scenario-view.js';
import type { GeneratedPledge, ScaleStore } from './scale-store.js';
import { scenarioFacts } from './scale-store.js';
import type { ServerProcess } from './server-process.js';

// bench/scale.bench.ts's requests: timed evaluations of scenarios no earlier request asked, and the writes it
// times or interleaves (pledge updates, creates and deletes by a delegate of the pledge's party, requirement
// writes by the coordinator), each carrying the version it changes.

type Headers = Record<string, string>;

export interface Write {
  method: string;
  path: string;
  body?: string;
  headers: Headers;
  done: (status: number, body: string) => void;
}

export class ScaleClient {
  private scenario = 0;
  private writes = 0;
  private readonly versions = new Map<string, number>();
  private readonly records = new Map<string, Record<string, unknown>>();
  private readonly deletable: string[] = [];
  private created = 0;
  private requirementWrites = 0;

  constructor(
    private readonly server: ServerProcess,
    private readonly store: ScaleStore,
    private readonly label: string,
  ) {}

  async timed(method: string, path: string, body?: unknown, headers: Headers = this.store.credentials.reader): Promise<{ ms: number; status: number; text: string }> {
    const started = performance.now();
    const response = await fetch(`${this.server.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  }

  /** A scenario no earlier request asked (so the server cannot answer it from its result cache). */
  nextScenario(): { facts: { id: string; value: boolean | 'unknown' }[] } {
    return { facts: scenarioFacts(++this.scenario) };
  }

  /** A new scenario evaluated as the reader (or `headers`); its time. */
  async evaluate(headers: Headers = this.store.credentials.reader): Promise<number> {
    const answer = await this.timed('POST', '/api/scenarios/evaluate', this.nextScenario(), headers);
    if (answer.status !== 200) throw new Error(`evaluate: ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.ms;
  }

  /** The default scenario (what a dashboard asks first), as the reader or `headers`; its time. */
  async evaluateDefault(headers: Headers = this.store.credentials.reader): Promise<{ ms: number; bytes: number }> {
    const answer = await this.timed('POST', '/api/scenarios/evaluate', { facts: [] }, headers);
    if (answer.status !== 200) throw new Error(`evaluate: ${answer.status} ${answer.text.slice(0, 500)}`);
    return { ms: answer.ms, bytes: answer.text.length };
  }

  /**
   * Load the write targets' current records: `count` pledges of the parties with a delegate from the start of the
   * list (updated and copied), and `deletes` from its middle (deleted: a delete anywhere in the list, not of a
   * pledge just appended).
   */
  async loadTargets(count: number, deletes: number, parties: ReadonlySet<string>): Promise<void> {
    const own = this.store.pledges.filter((pledge) => parties.has(pledge.party));
    const middle = Math.floor(own.length / 2);
    await this.load(own.slice(0, count));
    const doomed = own.slice(middle, middle + deletes);
    await this.load(doomed);
    this.deletable.push(...doomed.map((pledge) => pledge.id));
  }

  private async load(pledges: readonly GeneratedPledge[]): Promise<void> {
    for (const target of pledges) {
      // As the party's delegate: the coordinator does not see bilateral pledges.
      const answer = await this.timed('GET', `/api/pledges/${target.id}`, undefined, this.store.credentials.writerOf(target.party));
      if (answer.status !== 200) throw new Error(`GET pledge ${target.id}: ${answer.status}`);
      const { version, createdAt: _c, updatedAt: _u, ...record } = JSON.parse(answer.text) as Record<string, unknown> & { version: number };
      this.records.set(target.id, record);
      this.versions.set(target.id, version);
    }
  }

  private updateTargets(): string[] {
    const doomed = new Set(this.deletable);
    return [...this.records.keys()].filter((id) => !doomed.has(id));
  }

  /** One write of the mix: four in five update a pledge (a new note), one in five creates one. */
  nextWrite(): Write {
    const n = ++this.writes;
    const ids = this.updateTargets();
    const id = ids[n % ids.length] as string;
    return n % 5 === 0 ? this.createWrite(id, n) : this.updateWrite(id, n);
  }

  private headersOf(record: Record<string, unknown>): Headers {
    return { ...this.store.credentials.writerOf(String(record.party)), 'content-type': 'application/json' };
  }

  private updateWrite(id: string, n: number): Write {
    const record = this.records.get(id) as Record<string, unknown>;
    const body = JSON.stringify({ ...record, note: `write ${n}`, version: this.versions.get(id) });
    return {
      method: 'PUT',
      path: `/api/pledges/${id}`,
      body,
      headers: this.headersOf(record),
      done: (status, text) => {
        if (status === 200) this.versions.set(id, (JSON.parse(text) as { version: number }).version);
      },
    };
  }

  /** A copy of pledge `id` under a new id (appended to the list). */
  private createWrite(id: string, n: number): Write {
    const record = this.records.get(id) as Record<string, unknown>;
    const fresh = `${this.label}-new-${++this.created}`;
    const body = JSON.stringify({ ...record, id: fresh, note: `created by write ${n}`, version: undefined });
    return { method: 'POST', path: '/api/pledges', body, headers: this.headersOf(record), done: () => undefined };
  }

  private async send(write: Write): Promise<number> {
    const answer = await this.timed(write.method, write.path, write.body === undefined ? undefined : JSON.parse(write.body), write.headers);
    write.done(answer.status, answer.text);
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`${write.method} ${write.path}: ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.ms;
  }

  /** One write of the mix (nextWrite). */
  async writeOne(): Promise<number> {
    return this.send(this.nextWrite());
  }

  /** Create a pledge (a copy of an update target under a new id). */
  async createOne(): Promise<number> {
    const n = ++this.writes;
    const ids = this.updateTargets();
    return this.send(this.createWrite(ids[n % ids.length] as string, n));
  }

  /** Delete one of the pledges loaded for deleting (from the middle of the list). */
  async deleteOne(): Promise<number> {
    const id = this.deletable.shift();
    if (id === undefined) throw new Error('no pledge left to delete');
    const record = this.records.get(id) as Record<string, unknown>;
    this.records.delete(id);
    const headers = this.store.credentials.writerOf(String(record.party));
    return this.send({ method: 'DELETE', path: `/api/pledges/${id}?version=${this.versions.get(id)}`, headers, done: () => undefined });
  }

  /** PUT /api/requirements/<id> as the coordinator: the requirement's quantity changed by one. */
  async writeRequirement(id: string): Promise<number> {
    const answer = await this.timed('GET', `/api/requirements/${id}`);
    if (answer.status !== 200) throw new Error(`GET requirement ${id}: ${answer.status}`);
    const { createdAt: _c, updatedAt: _u, ...record } = JSON.parse(answer.text) as Record<string, unknown> & { quantity: number };
    const n = ++this.requirementWrites;
    return this.send({ method: 'PUT', path: `/api/requirements/${id}`, body: JSON.stringify({ ...record, quantity: record.quantity + (n % 2 === 0 ? -1 : 1) }), headers: this.store.credentials.reader, done: () => undefined });
  }
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Time the dashboard's data as the web app loads it (its fetch calls go to the server with `headers`' token). */
export async function timeOverview(server: ServerProcess, headers: Headers): Promise<{ ms: number; bytes: number }> {
  const original = globalThis.fetch;
  let bytes = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(`${server.url}${String(input)}`, { ...init, headers: { ...(init?.headers as Headers), ...headers } });
    const text = await response.text();
    bytes += text.length;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  try {
    clearCache();
    const started = performance.now();
    await loadScenarioView(undefined, new Map(), 'overview');
    return { ms: performance.now() - started, bytes };
  } finally {
    globalThis.fetch = original;
  }
}
