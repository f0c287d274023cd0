import { z } from 'zod';

// The backup file (`coalition backup FILE`): one JSON document, gzip-compressed when the name ends in .gz.
//
//   {"format": "coalition-ledger-backup", "formatVersion": 1, "createdAt": ISO,
//    "entities": {"sources": [{...record, "version", "createdAt", "updatedAt"}, …], …}   all entities, load order
//    "tables": {"users": [{...row}]}                                                  other tables, verbatim
//    "audit": [{"seq", "at", "actor", "action", "entity", "entityId", "before", "after", "prevHash", "hash"}, …]
//    "head": {"seq", "hash"}}
//
// One record or audit entry per line, so two backups can be compared with diff.

export const BACKUP_FORMAT = 'coalition-ledger-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Keys a backup adds to each record; the rest is the record as its entity's schema describes it. */
export const RECORD_META_KEYS = ['version', 'createdAt', 'updatedAt'] as const;

const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO timestamp such as 2026-01-06T12:00:00.000Z' });

export const recordMetaSchema = z.object({
  version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export const auditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: isoInstant,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits)'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits)'),
});

export type AuditEntry = z.output<typeof auditEntrySchema>;

/** The envelope; records and table rows are checked one by one afterwards (by their entity or table). */
export const backupEnvelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: `must be '${BACKUP_FORMAT}' (is this a coalition-ledger backup?)` }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: `must be ${BACKUP_FORMAT_VERSION}: this version of coalition reads backup format ${BACKUP_FORMAT_VERSION}` }),
  createdAt: isoInstant,
  entities: z.record(z.string(), z.array(z.record(z.string(), z.unknown()), { error: 'must be an array of records' })),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()), { error: 'must be an array of rows' })).default({}),
  audit: z.array(z.unknown()),
  head: z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits)') }),
});

export type BackupEnvelope = z.output<typeof backupEnvelopeSchema>;
