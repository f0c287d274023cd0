import { bigint, date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const pledges = pgTable(
  'pledges',
  {
    ...recordColumns(),
    party: text('party').notNull(),
    capability: text('capability').notNull(),
    quantityMin: bigint('quantity_min', { mode: 'number' }),
    quantityMax: bigint('quantity_max', { mode: 'number' }),
    areas: text('areas').array().notNull().default(['any']),
    windowFrom: date('window_from', { mode: 'string' }),
    windowTo: date('window_to', { mode: 'string' }),
    status: text('status').notNull(),
    supersedes: text('supersedes'),
    announcedOn: date('announced_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    confidentiality: text('confidentiality').notNull().default('coalition'),
    sharedWith: text('shared_with').array(),
    condition: text('condition').notNull().default('true'),
    sources: sourcesColumn(),
    note: text('note'),
    /** Why the position may no longer hold; null: current. */
    stale: text('stale'),
    /** [{field, from, how}]: figures no cited source states, and how they were obtained; null: none. */
    derived: jsonb('derived'),
  },
  (table) => [index('pledges_party_idx').on(table.party), index('pledges_capability_idx').on(table.capability)],
);
