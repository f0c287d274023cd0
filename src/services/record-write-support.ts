import { type Principal, scopeOf } from '../core/access/principal.js';
import { canSeePledge, datasetAsSeenBy, decideSupersedes } from '../core/access/reference-rules.js';
import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Problem } from '../core/errors.js';
import type { Dataset, Pledge } from '../core/types.js';
import { AppError, InputError, type InputProblem } from '../contracts/input-error.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { AccessDeniedError, denialOf } from './access/access-policy.js';

// Helpers of RecordService's writes: errors named for the record, and a change applied to the dataset.

export type Change<R extends StoredRecord> = { kind: 'create'; record: R } | { kind: 'update'; record: R } | { kind: 'delete'; id: string };

/** The not_found error of a record. */
export function notFound(entity: EntityDefinition, id: string): AppError {
  return new AppError('not_found', `${entity.name} '${id}' not found`);
}

/** The 409 of a write against an older version. */
export function staleVersion(entity: EntityDefinition, id: string, current: number, expected: number | undefined): AppError {
  return new AppError('conflict', `${entity.name} '${id}' is at version ${current}, not ${String(expected)}: reload and apply your change again`, [], {
    currentVersion: current,
  });
}

/** The dataset with one change applied. */
export function applyChange<R extends StoredRecord>(dataset: Dataset, name: string, change: Change<R>): Dataset {
  const key = name as keyof Dataset;
  const list = dataset[key] as unknown as StoredRecord[];
  let next: StoredRecord[];
  if (change.kind === 'create') next = [...list, change.record];
  else if (change.kind === 'update') next = list.map((item) => (item.id === change.record.id ? change.record : item));
  else next = list.filter((item) => item.id !== change.id);
  return { ...dataset, [key]: next };
}

/**
 * The dataset after a change, checked as the writer sees it (DESIGN.md §7): when it is inconsistent, the
 * problems come from the writer's view, so they never name (or suggest) a pledge the writer may not see; a
 * newly set `supersedes` naming a hidden pledge gets exactly the answer a missing pledge gets; and a pledge
 * may supersede only a pledge of its own party (coordinators and the system: any). `before` is the stored
 * record (undefined for a create).
 */
export function prepareChange<R extends StoredRecord>(actor: Principal, stored: Dataset, name: string, change: Change<R>, before: unknown): PreparedDataset {
  const id = change.kind === 'delete' ? change.id : change.record.id;
  const changed = applyChange(stored, name, change);
  const scope = scopeOf(actor);
  const written = name === 'pledges' && change.kind !== 'delete' ? (change.record as unknown as Pledge) : undefined;
  const previous = typeof before === 'object' && before !== null ? (before as { supersedes?: unknown }).supersedes : undefined;
  const reference = written?.supersedes !== undefined && written.supersedes !== previous ? written.supersedes : undefined;
  const target = reference === undefined ? undefined : stored.pledges.find((pledge) => pledge.id === reference);
  const hidden = target !== undefined && !canSeePledge(scope, target);
  if (written && target && !hidden) {
    const decision = decideSupersedes(actor, written, target);
    if (!decision.ok) throw new AccessDeniedError('auth.forbidden', decision.message, denialOf(actor, before === undefined ? 'create' : 'update', name, id, decision.message));
  }
  const full = prepareDataset(changed);
  if (scope.kind !== 'all' && (hidden || !full.ok)) {
    const view = datasetAsSeenBy(changed, scope, written ? { id: written.id, supersedes: reference } : undefined);
    const checked = prepareDataset(view);
    if (!checked.ok) throw consistencyError(name, id, view, checked.problems);
    if (hidden) throw new InputError('dataset.unknown_reference', `${name} '${id}' would make the data inconsistent`, [{ path: 'supersedes', message: `unknown pledge '${reference ?? ''}'`, code: 'dataset.unknown_reference' }]);
  }
  if (!full.ok) throw consistencyError(name, id, changed, full.problems);
  return full.value;
}

/** Problems of the written record get paths relative to it; problems elsewhere name the record they are in. */
export function consistencyError(name: string, id: string, dataset: Dataset, problems: readonly Problem[]): InputError {
  const key = name as keyof Dataset;
  const index = (dataset[key] as unknown as StoredRecord[]).findIndex((item) => item.id === id);
  const own = `${name}[${index}]`;
  const list: InputProblem[] = problems.map((problem) => {
    const path = problem.path.startsWith(own)
      ? problem.path.slice(own.length).replace(/^\./, '') || '(record)'
      : problem.path.replace(/^(\w+)\[(\d+)\]/, (whole, collection: string, position: string) => {
          const other = (dataset[collection as keyof Dataset] as unknown as StoredRecord[] | undefined)?.[Number(position)];
          return other ? `${collection}/${other.id}` : whole;
        });
    const entry: InputProblem = { path, message: problem.message, code: problem.code };
    if (problem.column !== undefined) entry.column = problem.column;
    return entry;
  });
  const code = problems[0]?.code ?? 'input.invalid';
  return new InputError(code, `${name} '${id}' would make the data inconsistent`, list);
}
