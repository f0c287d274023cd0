import { z } from 'zod';
import { RESPONSE_KINDS } from '../core/types.js';
import { factValueSchema, idSchema } from './field-schemas.js';
import { unlockersRequestSchema } from './analyses.schema.js';

// "What if the ceasefire is violated" (docs/guarantees.md): the request takes the scenario the other analyses take
// (facts, as-of date, minimum status) and the trigger fact (default violation); the response is the core's
// WhatIfResult. The same result as `coalition guarantees --json`.

export const guaranteesRequestSchema = unlockersRequestSchema.extend({ trigger: idSchema.optional() });

export type GuaranteesRequest = z.output<typeof guaranteesRequestSchema>;

const state = z.enum(['certain', 'possible', 'inactive']);
const kind = z.enum(RESPONSE_KINDS);
const range = z.object({ min: z.number(), max: z.number() });

export const guaranteesResponseSchema = z.object({
  trigger: z.string(),
  asOf: z.string().nullable(),
  minStatus: z.string(),
  facts: z.array(z.object({ id: z.string(), value: factValueSchema })),
  commitments: z.array(
    z.object({
      id: z.string(),
      party: z.string(),
      status: z.string(),
      condition: z.string(),
      responses: z.array(kind),
      responseTime: z.string(),
      sources: z.array(z.string()),
      note: z.string().optional(),
      before: state,
      after: state,
      candidate: z.boolean(),
      excluded: z.string().nullable(),
      /** The activation's reasons (docs/conditions.md), for a client to render in its language. */
      reasons: z.array(z.object({ kind: z.string() }).catchall(z.unknown())),
      explanation: z.string().nullable(),
      needs: z.array(z.object({ fact: z.string(), needs: z.boolean(), value: factValueSchema })),
      waitsFor: z.array(z.string()),
    }),
  ),
  responses: z.array(z.object({ kind, certain: z.array(z.string()), possible: z.array(z.string()), parties: z.array(z.string()) })),
  coverage: z.array(z.object({ requirement: z.string(), capability: z.string(), demand: z.number().nullable(), before: range, after: range, added: z.array(z.string()) })),
  unlockers: z.array(z.object({ fact: z.string(), value: z.boolean(), certain: z.array(z.string()) })),
  unanswered: z.object({ responseKinds: z.array(kind), parties: z.array(z.string()), pending: z.array(z.string()), withdrawn: z.array(z.string()) }),
  summary: z.object({ commitments: z.number(), certain: z.number(), possible: z.number(), inactive: z.number(), excluded: z.number() }),
});
