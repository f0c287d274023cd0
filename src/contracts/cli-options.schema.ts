import { z } from 'zod';
import { factValueSchema, isoDateSchema } from './domain.schema.js';

// The options of `coalition scenario`, validated once at the edge.

const factAssignment = z
  .string()
  .regex(/^[^=\s]+=(true|false|unknown)$/, 'must be FACT=true, FACT=false or FACT=unknown')
  .transform((text) => {
    const [id, value] = text.split('=') as [string, string];
    return { id, value: factValueSchema.parse(value === 'unknown' ? 'unknown' : value === 'true') };
  });

/** The scenario's options, shared by the commands that take a scenario (scenario, unlock, allocate, risk). */
export const scenarioOptionFields = {
  demo: z.boolean().optional(),
  input: z.string().min(1, 'must name a file').optional(),
  set: z.array(factAssignment).default([]),
  asOf: isoDateSchema.optional(),
  minStatus: z.enum(['announced', 'offered', 'committed', 'approved', 'delivered'], { error: 'must be announced, offered, committed, approved or delivered' }).optional(),
  json: z.boolean().optional(),
};

/** --demo and --input name two different datasets. */
export const oneDatasetSource: [(o: { demo?: boolean | undefined; input?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (o) => !(o.demo && o.input),
  { message: 'use either --demo or --input, not both', path: ['input'] },
];

export const scenarioOptionsSchema = z.strictObject(scenarioOptionFields).refine(...oneDatasetSource);

export type ScenarioOptions = z.output<typeof scenarioOptionsSchema>;
