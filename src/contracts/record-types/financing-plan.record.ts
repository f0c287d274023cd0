import { bigint, date, jsonb, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { currencySchema, financingOptionSchema, idSchema, isoDateSchema, minorUnitsSchema, refuseDuplicates, text, timeWindowSchema } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, partsField } from './declare-record-type.js';

// How a need is to be financed (DESIGN.md §3): options (joint borrowing, asset-backed loan, bilateral) with keys and opt-outs.

export const financingPlanType = declareRecordType({
  name: 'financing-plans',
  table: 'financing_plans',
  description: 'A need to finance and the options for it, with their keys and opt-outs',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the plan'),
    title: field(text, textColumn('title').notNull(), { exchange: 'title' }),
    /** The need in minor units of `currency`. */
    needAmount: field(minorUnitsSchema, bigint('need_amount', { mode: 'number' }).notNull(), { exchange: 'the need in minor units of the currency (cents)' }),
    currency: field(currencySchema, textColumn('currency').notNull(), { filter: true, exchange: 'ISO 4217 code, e.g. EUR' }),
    period: partsField(
      timeWindowSchema.optional(),
      { from: date('period_from', { mode: 'string' }), to: date('period_to', { mode: 'string' }) },
      { exchange: { from: 'start of the period (YYYY-MM-DD)', to: 'end of the period (YYYY-MM-DD)' } },
    ),
    options: field(
      z
        .array(financingOptionSchema)
        .min(1, 'must list at least one option')
        .superRefine(refuseDuplicates<{ id: string }>('option id', (option) => option.id, ['id'])),
      jsonb('options').notNull(),
      {
        exchange: {
          description: 'the options as JSON: [{"id":"…","kind":"joint_borrowing","title":"…","key":"gni","optOuts":["HU"]}]',
          json: '[{"id": …, "kind": …, "title": …}]',
        },
      },
    ),
    decidedOption: field(idSchema.optional(), textColumn('decided_option'), { filter: true, exchange: 'id of the option decided on' }),
    /** Before this date the plan was not decided (as-of views show it open); without it the decision counts at any date. */
    decidedOn: field(isoDateSchema.optional(), date('decided_on', { mode: 'string' }), { exchange: 'date the option was decided (YYYY-MM-DD)' }),
    sources: sourcesField(),
    note: field(text.optional(), textColumn('note'), { exchange: 'free text' }),
  },
  check: (plan, ctx) => {
    if (plan.decidedOn !== undefined && plan.decidedOption === undefined) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'needs decidedOption: the date of a decision names what was decided' });
    if (plan.decidedOption === undefined || plan.options.some((option) => option.id === plan.decidedOption)) return;
    const ids = [...new Set(plan.options.map((option) => `'${option.id}'`))].join(', ');
    ctx.addIssue({ code: 'custom', path: ['decidedOption'], message: `must be one of the option ids (${ids}), not '${plan.decidedOption}'` });
  },
});
