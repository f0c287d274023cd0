import type { z } from 'zod';
import type { RecordOf } from './declare-record-type.js';

// The record as the API returns it: its fields plus the read-only metadata. The response schema itself is built
// from the declaration's edge schema by recordResponseSchemaOf (src/api/route-schemas.ts).

/** A stored record as the API returns it (the web's record types). */
export type ResponseOf<T extends { schema: z.ZodType }> = RecordOf<T> & { version: number; createdAt: string; updatedAt: string };
