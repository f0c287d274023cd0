import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Condition } from '../../src/core/conditions/ast.js';
import { printCondition } from '../../src/core/conditions/print-condition.js';
import { factEntity, partyEntity } from '../../src/db/entities/dataset-entities.js';
import { openStore, type StoreOptions } from '../../src/db/open-store.js';
import { createServices } from '../../src/services/create-services.js';
import { importRecords } from '../../src/services/import-records.service.js';
import { loadDemo } from '../../src/services/load-demo.js';
import { buildRandomModel } from '../activation-models.js';
import { createRandom, pick, randomInt } from '../bench-support.js';

// The stores of bench/scale.bench.ts: the demo (42 parties, 27 pledges, 14 requirements) plus generated parties,
// facts and requirements up to 60 parties and 25 requirements, and n generated pledges (bench/activation-models.ts's
// random model, its parties folded onto the 60) imported through `coalition import` as a user would.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTRA_PARTIES = Array.from({ length: 18 }, (_, i) => `B${i}`);
const MODEL_FACTS = ['un_mandate', 'mandate.FR', 'mandate.PL', 'mandate.NL', 'mandate.IT', 'mandate.SE', 'mandate.DK'];
/** Every fact a generated condition may name (the demo's and MODEL_FACTS): scenarios switch these. */
export const SCENARIO_FACTS = ['ceasefire', 'us_backstop', 'violation', 'mandate.DE', 'mandate.GB', ...MODEL_FACTS];
const REQUIREMENT_CAPABILITIES = ['air.fighters', 'air_defence.systems', 'maritime.vessels', 'training.trainees_per_year', 'monitoring.observers', 'logistics.hub', 'intelligence.support', 'land.brigade_equipment', 'air.isr', 'finance.grant', 'maritime.mine_countermeasures'];
const AREAS = ['ua', 'ua.rear', 'ua.front', 'outside_ua'];
const STATUSES = ['announced', 'offered', 'committed', 'committed', 'delivered'] as const;

export interface ScaleCredentials {
  reader: Record<string, string>;
  /** Parties with a delegate (whose pledges the benchmark writes). */
  writers: ReadonlySet<string>;
  writerOf(party: string): Record<string, string>;
  /** A delegate of a party without writes whose view hides pledges (others' restricted and bilateral ones). */
  viewer: Record<string, string>;
  viewerParty: string;
}

export interface ScaleStore {
  credentials: ScaleCredentials;
  /** Ids, parties and confidentiality of the generated pledges (write targets are drawn from these). */
  pledges: GeneratedPledge[];
  importMs: number;
  /** What `coalition import` printed to stderr (its progress). */
  importProgress: string;
}

export interface GeneratedPledge {
  id: string;
  party: string;
  confidentiality: string;
  shared_with: string;
}

/** The 60 parties the generated pledges belong to. */
export async function listScaleParties(): Promise<string[]> {
  const demo = JSON.parse(await readFile(join(ROOT, 'data/demo/parties.json'), 'utf8')) as { id: string }[];
  return [...demo.map((party) => party.id), ...EXTRA_PARTIES];
}

/** Build a store of `size` generated pledges on `storeOptions` (`env` names it for the CLI); `directory` holds the import file. */
export async function buildScaleStore(options: { size: number; storeOptions: StoreOptions; env: Record<string, string>; directory: string; writerParties: number }): Promise<ScaleStore> {
  const parties = await listScaleParties();
  const store = await openStore(options.storeOptions);
  let credentials: ScaleCredentials;
  try {
    const services = createServices(store);
    await loadDemo(store, services.cache, services.now);
    await importRecords(store, services.cache, { name: 'bench' }, [
      { entity: partyEntity, records: EXTRA_PARTIES.map((id) => ({ id, kind: 'state', name: { en: `Bench ${id}`, de: `Bench ${id}` }, groups: ['coalition'] })) },
      { entity: factEntity, records: MODEL_FACTS.map((id, i) => ({ id, value: i % 3 === 0 ? false : i % 3 === 1 ? true : 'unknown', description: 'benchmark fact', sources: [] })) },
    ], { mode: 'insert-missing', now: services.now });
    const password = 'bench-password-not-secret';
    await services.accounts.add({ name: 'scale-reader', role: 'coordinator', password }, 'bench');
    const reader = await services.accounts.issueToken('scale-reader');
    const writers = new Map<string, string>();
    for (const party of parties.slice(0, options.writerParties)) {
      const name = `scale-${party.toLowerCase()}`;
      await services.accounts.add({ name, role: 'delegate', party, password }, 'bench');
      writers.set(party, await services.accounts.issueToken(name));
    }
    // The viewer's party is not among the writers: what the viewer sees changes only by others' writes.
    const viewerParty = parties[options.writerParties + 2] as string;
    await services.accounts.add({ name: 'scale-viewer', role: 'delegate', party: viewerParty, password }, 'bench');
    const viewer = await services.accounts.issueToken('scale-viewer');
    const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
    credentials = {
      reader: bearer(reader),
      writers: new Set(writers.keys()),
      writerOf: (party) => bearer(writers.get(party) ?? reader),
      viewer: bearer(viewer),
      viewerParty,
    };
  } finally {
    await store.close();
  }
  const file = join(options.directory, `scale-${options.size}.json`);
  const pledges = await writeImportFile(file, options.size, parties);
  const started = performance.now();
  const importProgress = await runImport(file, options.env);
  return { credentials, pledges, importMs: performance.now() - started, importProgress };
}

// Confidential pledges, as a coalition has them: a few % restricted (coordinators and the owner see them) and a
// few bilateral, shared with one or two other parties. Every delegate's view hides some pledges, and so does the
// coordinators' (bilateral ones).
const RESTRICTED_SHARE = 0.03;
const BILATERAL_SHARE = 0.015;

async function writeImportFile(file: string, size: number, parties: readonly string[]): Promise<GeneratedPledge[]> {
  const model = buildRandomModel(size, 24_100 + size);
  const random = createRandom(size);
  // Its own stream, so that the other columns stay what they were without confidential pledges.
  const secrecy = createRandom(size + 97);
  const confidentialityOf = (party: string): { confidentiality: string; shared_with: string } => {
    const draw = secrecy();
    if (draw < RESTRICTED_SHARE) return { confidentiality: 'restricted', shared_with: '' };
    if (draw >= RESTRICTED_SHARE + BILATERAL_SHARE) return { confidentiality: 'coalition', shared_with: '' };
    const others = parties.filter((other) => other !== party);
    const shared = new Set([pick(secrecy, others), ...(secrecy() < 0.5 ? [pick(secrecy, others)] : [])]);
    return { confidentiality: 'bilateral', shared_with: [...shared].join(';') };
  };
  const partyOf = (name: string): string => parties[Number(name.slice(1)) % parties.length] as string;
  const rows = model.pledges.map((pledge, i) => ({
    id: `scale-${i}`,
    party: partyOf(pledge.party),
    capability: pledge.capability,
    quantity_min: pledge.quantity?.min ?? null,
    quantity_max: pledge.quantity?.max ?? null,
    areas: pledge.areas.join(';'),
    status: pick(random, STATUSES),
    ...confidentialityOf(partyOf(pledge.party)),
    condition: printCondition(renameParties(pledge.condition, partyOf)),
  }));
  const totals = new Map<string, number>();
  for (const pledge of model.pledges) totals.set(pledge.capability, (totals.get(pledge.capability) ?? 0) + (pledge.quantity?.min ?? 0));
  const requirements = REQUIREMENT_CAPABILITIES.map((capability, i) => ({
    id: `scale-req-${i}`,
    capability,
    quantity: Math.max(1, Math.round(((totals.get(capability) ?? 0) / 4) * (0.3 + random()))),
    estimate: true,
    priority: randomInt(random, 1, 4),
    area: pick(random, AREAS),
    title: `benchmark requirement ${i}`,
  }));
  await writeFile(file, JSON.stringify({ pledges: rows, requirements }));
  return rows.map((row) => ({ id: row.id, party: row.party, confidentiality: row.confidentiality, shared_with: row.shared_with }));
}

function renameParties(condition: Condition, partyOf: (name: string) => string): Condition {
  if (condition.kind === 'and' || condition.kind === 'or') return { ...condition, items: condition.items.map((item) => renameParties(item, partyOf)) };
  if (condition.kind === 'active') return { ...condition, party: partyOf(condition.party) };
  return condition;
}

/** `coalition import FILE` as a child process; resolves with its stderr (the progress), rejects on failure. */
async function runImport(file: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'import', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`coalition import ${file} exited ${String(code)}:\n${stdout}\n${stderr.slice(-4000)}`);
  return stderr;
}

/** Fact overrides for scenario number `k` (distinct for distinct k below 3^12). */
export function scenarioFacts(k: number): { id: string; value: boolean | 'unknown' }[] {
  const values = [true, false, 'unknown'] as const;
  let rest = k;
  return SCENARIO_FACTS.map((id) => {
    const value = values[rest % 3] as boolean | 'unknown';
    rest = Math.floor(rest / 3);
    return { id, value };
  });
}
