import type { StoredRecord } from '../../db/entities/entity-definition.js';
import type { Versioned } from '../../db/record.repository.js';

// A stored record as the API shows it: its fields plus id, version and timestamps.

export type PresentedRecord = { id: string; version: number; createdAt: string; updatedAt: string; [key: string]: unknown };

/** The record with its version and timestamps. */
export function presentRecord<R extends StoredRecord>(versioned: Versioned<R>): PresentedRecord {
  const record = { ...versioned.record } as unknown as Record<string, unknown>;
  return { ...record, id: versioned.record.id, version: versioned.version, createdAt: versioned.createdAt, updatedAt: versioned.updatedAt };
}
