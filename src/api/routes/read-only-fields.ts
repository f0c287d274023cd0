import { AppError, type InputProblem } from '../../contracts/input-error.js';
import type { Principal } from '../../core/access/principal.js';
import type { EntityDefinition } from '../../db/entities/entity-definition.js';
import type { Services } from '../../services/create-services.js';

// The read-only fields GET returns beside a record (createdAt, updatedAt) may come back in a PUT: a client edits
// what it read and sends it all. Unchanged they are ignored; changed they are refused with a 400 naming the field.

export interface ReadOnlySent {
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
}

/** Refuse (400) a replace that changes a read-only field of the version it names; a stale version is left to the write (409). */
export async function assertReadOnlyUnchanged(options: { services: Services; principal: Principal; entity: EntityDefinition; id: string; expected: number; sent: ReadOnlySent }): Promise<void> {
  const { services, principal, entity, id, expected, sent } = options;
  if (sent.createdAt === undefined && sent.updatedAt === undefined) return;
  const current = await services.records.get(principal, entity, id);
  if (current.version !== expected) return;
  const problems: InputProblem[] = [];
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const value = sent[field];
    if (value !== undefined && Date.parse(value) !== Date.parse(current[field])) {
      problems.push({ path: `body.${field}`, message: `is read-only: send ${current[field]} (as GET returns it) or leave it out` });
    }
  }
  if (problems.length > 0) throw new AppError('input.invalid', `read-only field${problems.length > 1 ? 's' : ''} changed`, problems);
}
