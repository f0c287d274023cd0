import { and, arrayContains, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { VisibilityScope } from '../core/access/principal.js';
import type { EntityDefinition } from './entities/entity-definition.js';
import { contributions, pledges } from './schema/index.js';

// The confidentiality rule of src/core/access/visibility.ts as a WHERE clause, so lists page and count in
// the database over exactly the records the caller may see.

/** The clause limiting a confidential collection to what a scope sees; undefined when it sees everything. */
export function visibilityWhere(entity: EntityDefinition, scope: VisibilityScope): SQL | undefined {
  if (!entity.confidential || scope.kind === 'all') return undefined;
  const table = entity.name === 'pledges' ? pledges : entity.name === 'contributions' ? contributions : undefined;
  // A confidential collection this file does not know yet shows its public records only.
  if (!table) return sql`${sql.identifier('confidentiality')} = 'public'`;
  if (scope.kind === 'public') return eq(table.confidentiality, 'public');
  const open = inArray(table.confidentiality, ['public', 'coalition']);
  if (scope.kind === 'coalition') return open;
  if (scope.kind === 'coordinator') return inArray(table.confidentiality, ['public', 'coalition', 'restricted']);
  const owns = entity.name === 'pledges' ? eq(pledges.party, scope.party) : sql`${contributions.donors} @> ${JSON.stringify([{ party: scope.party }])}::jsonb`;
  const shared = arrayContains(table.sharedWith, [scope.party]);
  return or(open, and(eq(table.confidentiality, 'restricted'), owns), and(eq(table.confidentiality, 'bilateral'), or(owns, shared)));
}
