import { z } from 'zod';
import { factValueSchema } from './domain.schema.js';
import { freeTextSchema, isoDateSchema } from './primitives.schema.js';

// Requests and responses of the decision analyses (docs/analyses.md): unlockers, allocation, risk. Each takes the
// scenario the scenario route takes (facts set, as-of date, minimum status). Limits beyond the shape (more than
// 10^6 samples, too large a model) are checked by the service and answered 422 `analysis.too_large`.

const minStatusSchema = z.enum(['announced', 'offered', 'committed', 'approved', 'delivered']);

const scenarioFields = {
  facts: z.array(z.strictObject({ id: freeTextSchema(100).min(1, 'must not be empty'), value: factValueSchema })).max(1000).default([]),
  asOf: isoDateSchema.optional(),
  minStatus: minStatusSchema.optional(),
};

export const unlockersRequestSchema = z.strictObject(scenarioFields);

export const allocationRequestSchema = z.strictObject({ ...scenarioFields, bound: z.enum(['min', 'max'], { error: 'must be min or max' }).default('min') });

/** The most samples a Monte Carlo run may ask for. */
export const MAX_RISK_SAMPLES = 1_000_000;

export const riskRequestSchema = z.strictObject({
  ...scenarioFields,
  method: z.enum(['exact', 'monte-carlo'], { error: 'must be exact or monte-carlo' }).optional(),
  samples: z.number({ error: 'must be a whole number of samples' }).int('must be a whole number of samples').min(1, 'must be at least 1').optional(),
  seed: z.number({ error: 'must be a whole number 0–4294967295' }).int('must be a whole number 0–4294967295').min(0).max(4294967295).optional(),
  coordination: z.enum(['greatest', 'least'], { error: 'must be greatest or least' }).optional(),
  probabilities: z.array(z.strictObject({ fact: freeTextSchema(100).min(1, 'must not be empty'), probability: z.number().min(0, 'must be 0–1').max(1, 'must be 0–1') })).max(1000).default([]),
});

export type UnlockersRequest = z.output<typeof unlockersRequestSchema>;
export type AllocationRequest = z.output<typeof allocationRequestSchema>;
export type RiskRequest = z.output<typeof riskRequestSchema>;

const coverageDeltaSchema = z.object({ requirement: z.string(), supplyMinDelta: z.number(), supplyMaxDelta: z.number() });
const capabilityDeltaSchema = z.object({ capability: z.string(), supplyMinDelta: z.number(), supplyMaxDelta: z.number() });

export const unlockersResponseSchema = z.object({
  facts: z.array(
    z.object({
      fact: z.string(),
      from: z.union([z.literal(false), z.literal('unknown')]),
      pledgesImproved: z.array(z.string()),
      coverage: z.array(coverageDeltaSchema),
      capabilities: z.array(capabilityDeltaSchema),
      explanation: z.string(),
    }),
  ),
  parties: z.array(
    z.object({
      party: z.string(),
      pledgesLost: z.array(z.string()),
      cascade: z.array(z.string()),
      coverage: z.array(coverageDeltaSchema),
      capabilities: z.array(capabilityDeltaSchema),
      explanation: z.string(),
    }),
  ),
});

export const allocationResponseSchema = z.object({
  bound: z.enum(['min', 'max']),
  objective: z.array(z.object({ priority: z.number(), filled: z.number(), demand: z.number() })),
  assignments: z.array(z.object({ pledge: z.string(), requirement: z.string(), quantity: z.number() })),
  requirements: z.array(
    z.object({ requirement: z.string(), priority: z.number(), demand: z.number().nullable(), filled: z.number(), shortfall: z.number().nullable(), shadowPrice: z.number(), explanation: z.string() }),
  ),
  greedy: z.array(z.object({ requirement: z.string(), filled: z.number(), difference: z.number() })),
  binding: z.array(z.object({ kind: z.enum(['capacity', 'demand']), id: z.string(), shadowPrice: z.number() })),
  variables: z.number(),
});

const interval = z.tuple([z.number(), z.number()]).nullable();

export const riskResponseSchema = z.object({
  method: z.enum(['exact', 'monte-carlo']),
  samples: z.number(),
  seed: z.number().nullable(),
  coordination: z.enum(['greatest', 'least']),
  path: z.enum(['bit-parallel', 'scalar']),
  facts: z.array(z.object({ fact: z.string(), probability: z.number(), source: z.enum(['request', 'record', 'default']) })),
  requirements: z.array(
    z.object({
      requirement: z.string(),
      priority: z.number(),
      demand: z.number().nullable(),
      pMetMin: z.number().nullable(),
      pMetMax: z.number().nullable(),
      ciMin: interval,
      ciMax: interval,
      quantilesMin: z.object({ p5: z.number(), p50: z.number(), p95: z.number() }),
      distributionMin: z.array(z.object({ supply: z.number(), p: z.number() })),
    }),
  ),
  pledges: z.array(z.object({ pledge: z.string(), pActive: z.number(), pActiveMax: z.number() })),
  sensitivity: z.array(z.object({ fact: z.string(), requirement: z.string(), delta: z.number(), deltaMax: z.number() })),
});
