import { z } from 'zod';
import { ROLES } from '../core/access/principal.js';
import { partyIdSchema } from './domain.schema.js';
import { refuseUnstorableText } from './primitives.schema.js';

// Edges of access control: user names, roles, passwords, the login body and the session view.

export const userNameSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be 2–63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit');

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

export const passwordSchema = z
  .string({ error: 'must be a string' })
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters')
  .superRefine(refuseUnstorableText);

export const newUserSchema = z
  .strictObject({ name: userNameSchema, role: roleSchema, party: partyIdSchema.optional(), password: passwordSchema.optional() })
  .superRefine((user, ctx) => {
    if (user.role === 'delegate' && user.party === undefined) ctx.addIssue({ code: 'custom', path: ['party'], message: 'a delegate needs a party (--party XX)' });
    if (user.role !== 'delegate' && user.party !== undefined) ctx.addIssue({ code: 'custom', path: ['party'], message: `only delegates have a party, not ${user.role}s` });
  });

export type NewUser = z.output<typeof newUserSchema>;

/** POST /api/session: bounded so a huge password cannot keep argon2 busy. */
export const loginBodySchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).min(1, 'is required').max(100, 'must be at most 100 characters').superRefine(refuseUnstorableText),
  password: z.string({ error: 'must be a string' }).min(1, 'is required').max(256, 'must be at most 256 characters').superRefine(refuseUnstorableText),
});

export const sessionUserSchema = z.object({ name: z.string(), role: roleSchema, party: z.string().nullable() });

export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const demoAccountSchema = z.object({ name: z.string(), role: roleSchema, party: z.string().nullable(), password: z.string() });
