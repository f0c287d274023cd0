import { z } from 'zod';
import { oneDatasetSource, scenarioOptionFields } from './cli-options.schema.js';

// The options of `coalition unlock`, `coalition allocate` and `coalition risk`: the scenario command's (--demo,
// --input, --set, --as-of, --min-status, --json) and each analysis's own, validated once at the edge.

const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number (${what})`)
    .transform((text) => Number(text));

const factProbability = z
  .string()
  .regex(/^[^=\s]+=(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'must be FACT=P with P between 0 and 1')
  .transform((text) => {
    const [fact, value] = text.split('=') as [string, string];
    return { fact, probability: Number(value) };
  });

export const unlockOptionsSchema = z.strictObject(scenarioOptionFields).refine(...oneDatasetSource);

export const allocateOptionsSchema = z
  .strictObject({ ...scenarioOptionFields, bound: z.enum(['min', 'max'], { error: 'must be min or max' }).default('min') })
  .refine(...oneDatasetSource);

export const riskOptionsSchema = z
  .strictObject({
    ...scenarioOptionFields,
    method: z.enum(['exact', 'monte-carlo'], { error: 'must be exact or monte-carlo' }).optional(),
    samples: wholeNumber('e.g. 100000').optional(),
    seed: wholeNumber('0–4294967295').refine((seed) => seed <= 4294967295, 'must be at most 4294967295').optional(),
    coordination: z.enum(['greatest', 'least'], { error: 'must be greatest or least' }).optional(),
    probability: z.array(factProbability).default([]),
  })
  .refine(...oneDatasetSource);

/** `coalition guarantees`: the scenario options and the trigger fact (default violation). */
export const guaranteesOptionsSchema = z
  .strictObject({ ...scenarioOptionFields, trigger: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be a fact id (e.g. violation)').optional() })
  .refine(...oneDatasetSource);
