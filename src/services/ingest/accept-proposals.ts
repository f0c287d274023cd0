import type { Principal } from '../../core/access/principal.js';
import type { AcceptRequest } from '../../contracts/ingest-accept.schema.js';
import type { CreatedRecord, IngestView } from '../../contracts/ingest-view.schema.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import { entityByName } from '../../db/entities/all-entities.js';
import { sourceEntity } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import type { RecordService } from '../records.service.js';

// Accepting proposals (docs/ingestion.md): each chosen proposal, as the analyst edited it or as drafted, is
// checked like any API write and planned before anything is written; then, inside the caller's transaction,
// each record is written citing a Source with the publisher, date, URL and the proposal's quoted passage.

export interface AcceptStep {
  index: number;
  entity: EntityDefinition;
  record: StoredRecord & Record<string, unknown>;
  /** A fact: an existing record whose value is replaced. */
  replaces: boolean;
}

export interface SourceDetails {
  publisher: string;
  date: string;
  url: string | null;
}

/** Check the request against the proposals (each open, once, with a record that validates) and plan the writes. */
export function planAccept(view: IngestView, request: AcceptRequest): { steps: AcceptStep[]; source: SourceDetails } {
  const seen = new Set<number>();
  const steps = request.items.map((item, i) => {
    if (seen.has(item.index)) throw new InputError('input.invalid', `proposal ${item.index} is listed twice`, [{ path: `items[${i}].index`, message: 'listed twice' }]);
    seen.add(item.index);
    return planStep(view, item, i);
  });
  const publisher = request.source?.publisher ?? view.publisher;
  const date = request.source?.date ?? view.date;
  if (!publisher) throw new InputError('input.invalid', 'the source needs a publisher: the article names none', [{ path: 'source.publisher', message: 'required (the article names no publisher)' }]);
  if (!date) throw new InputError('input.invalid', 'the source needs a date: the article states none', [{ path: 'source.date', message: 'required (the article states no date)' }]);
  return { steps, source: { publisher, date, url: request.source?.url ?? view.url } };
}

/** Refuse a proposal that was decided already (accepted or rejected), naming it. */
export function assertOpen(view: IngestView, index: number): void {
  const proposal = view.proposals[index];
  if (!proposal || proposal.status === 'open') return;
  const written = proposal.created.map((record) => `${record.entity} ${record.id}`).join(', ');
  const message = proposal.status === 'accepted' ? `proposal ${index} was accepted already (${written}): it is not written twice` : `proposal ${index} was rejected`;
  throw new AppError('conflict', message, [{ path: `proposals[${index}]`, message }]);
}

/** Write the planned records with their sources through `records` (bound to the caller's transaction). */
export async function writeAccepted(options: { records: RecordService; principal: Principal; view: IngestView; steps: AcceptStep[]; source: SourceDetails }): Promise<{ created: Map<number, CreatedRecord>; sources: string[] }> {
  const { records, principal, view, steps, source } = options;
  const created = new Map<number, CreatedRecord>();
  const sources: string[] = [];
  for (const step of steps) {
    const quote = view.proposals[step.index]?.proposal.quote ?? '';
    const sourceId = `${view.id.slice(4, 12)}-src-${step.index + 1}`;
    // Accepting the same article again cites the source written the first time.
    const existing = await records.get(principal, sourceEntity, sourceId).then(
      () => true,
      () => false,
    );
    if (!existing && !sources.includes(sourceId)) {
      await records.create(principal, sourceEntity, {
        id: sourceId,
        publisher: source.publisher,
        date: source.date,
        ...(source.url ? { url: source.url } : {}),
        ...(view.title ? { publication: view.title } : {}),
        language: view.language,
        quote: quote.slice(0, 10_000),
      });
      sources.push(sourceId);
    }
    const cited = [...new Set([...(Array.isArray(step.record.sources) ? step.record.sources.filter((s): s is string => typeof s === 'string') : []), sourceId])];
    if (step.replaces) {
      const current = await records.get(principal, step.entity, step.record.id);
      const next: StoredRecord & Record<string, unknown> = { ...current.record, ...step.record, sources: cited };
      const written = await records.replace(principal, step.entity, next, current.version);
      created.set(step.index, { entity: step.entity.name, id: written.record.id, version: written.version });
    } else {
      const next: StoredRecord & Record<string, unknown> = { ...step.record, sources: cited };
      const written = await records.create(principal, step.entity, next);
      created.set(step.index, { entity: step.entity.name, id: written.record.id, version: written.version });
    }
  }
  return { created, sources };
}

function planStep(view: IngestView, item: AcceptRequest['items'][number], i: number): AcceptStep {
  const proposal = view.proposals[item.index];
  if (!proposal) throw new InputError('input.invalid', `no proposal ${item.index}`, [{ path: `items[${i}].index`, message: `must be a proposal's index (0–${view.proposals.length - 1})` }]);
  assertOpen(view, item.index);
  if (!proposal.draft) throw new InputError('input.invalid', `proposal ${item.index} is a refusal: it is not written as a record`, [{ path: `items[${i}].index`, message: 'a refusal has no record' }]);
  const entity = entityByName(proposal.draft.entity);
  if (!entity) throw new AppError('internal', `unknown record type ${proposal.draft.entity}`);
  const candidate = item.record ?? proposal.draft.record;
  if (proposal.draft.replaces) {
    const value = candidate.value;
    const id = candidate.id;
    if (typeof id !== 'string' || !(value === true || value === false || value === 'unknown')) {
      throw new InputError('input.invalid', 'a fact needs its id and a value true, false or "unknown"', [{ path: `items[${i}].record`, message: 'must be {id, value}' }]);
    }
    return { index: item.index, entity, record: { id, value }, replaces: true };
  }
  const parsed = entity.schema.safeParse({ sources: [], ...candidate });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: `items[${i}].record.${issue.path.join('.')}`, message: issue.message }));
    throw new InputError('input.invalid', `proposal ${item.index}: the ${entity.name} record is incomplete or invalid`, problems);
  }
  const record: unknown = parsed.data;
  if (!isRecord(record)) throw new AppError('internal', 'a parsed record has no id');
  return { index: item.index, entity, record, replaces: false };
}

function isRecord(value: unknown): value is StoredRecord & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
