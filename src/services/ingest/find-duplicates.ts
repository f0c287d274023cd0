import type { Principal } from '../../core/access/principal.js';
import type { RecordDraft } from '../../core/ingest/draft-records.js';
import { entityByName } from '../../db/entities/all-entities.js';
import type { RecordService } from '../records.service.js';

// Whether a proposal's draft is already recorded (shown as "already recorded: purl-de-2" instead of proposed
// again): the same meeting date and format; the same donors, amount and currency; the same party and
// capability; the same estimate; the same sanctions package; a fact that already has the value.

type Fields = Record<string, unknown>;

const sameSet = (a: unknown, b: unknown): boolean => {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const key = (list: unknown[]): string => list.map((item) => (typeof item === 'object' && item !== null ? String((item as Fields).party) : String(item))).sort().join(',');
  return key(a) === key(b);
};

const SAME: Record<string, (draft: Fields, existing: Fields) => boolean> = {
  meetings: (d, e) => d.date === e.date && d.format === e.format,
  contributions: (d, e) => sameSet(d.donors, e.donors) && d.amount === e.amount && d.currency === e.currency,
  pledges: (d, e) => d.party === e.party && d.capability === e.capability && (d.quantity === null || d.quantity === undefined || JSON.stringify(d.quantity) === JSON.stringify(e.quantity) || typeof e.quantity === 'object'),
  requirements: (d, e) => d.capability === e.capability && d.quantity === e.quantity,
  'sanctions-packages': (d, e) => d.jurisdiction === e.jurisdiction && d.number !== undefined && d.number === e.number,
  facts: (d, e) => d.id === e.id && d.value === e.value,
};

/** The existing record (visible to the caller) that already states the draft, if any. */
export async function findDuplicate(records: RecordService, principal: Principal, draft: RecordDraft): Promise<{ entity: string; id: string } | null> {
  const entity = entityByName(draft.entity);
  const same = SAME[draft.entity];
  if (!entity || !same) return null;
  const page = await records.list(principal, entity, { limit: 5000, offset: 0 });
  const match = page.items.find((item) => same(draft.record, item.record as unknown as Fields));
  return match ? { entity: draft.entity, id: match.record.id } : null;
}
