import type { StoredRecord } from '../../db/entities/entity-definition.js';
import type { Versioned } from '../../db/record.repository.js';
import type { RecordPage } from '../../services/list-records.service.js';

// A stored record as the API shows it: its fields plus id, version and timestamps.

export type PresentedRecord = { id: string; version: number; createdAt: string; updatedAt: string; [key: string]: unknown };

/** The record with its version and timestamps. */
export function presentRecord<R extends StoredRecord>(versioned: Versioned<R>): PresentedRecord {
  const record = { ...versioned.record } as unknown as Record<string, unknown>;
  return { ...record, id: versioned.record.id, version: versioned.version, createdAt: versioned.createdAt, updatedAt: versioned.updatedAt };
}

/** A page of records as the API shows it. */
export function presentPage(page: RecordPage): { items: PresentedRecord[]; total: number; limit: number; offset: number } {
  return { items: page.items.map(presentRecord), total: page.total, limit: page.limit, offset: page.offset };
}
