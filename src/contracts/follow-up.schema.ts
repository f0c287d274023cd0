import { z } from 'zod';
import { isoDateSchema, partyIdSchema } from './domain.schema.js';

// Queries of the follow-up of action items (GET /api/follow-up, `coalition action-items`).

export const followUpQuerySchema = z.strictObject({
  on: isoDateSchema.optional(),
  party: partyIdSchema.optional(),
});
