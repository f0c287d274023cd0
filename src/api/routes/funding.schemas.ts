import { z } from 'zod';

// Response schemas of the funding routes: the top levels are spelled out, nested detail passes through.

const money = z.object({ amount: z.number().int(), currency: z.string() });
const rateUsed = z.object({ currency: z.string(), rate: z.string(), date: z.string(), exact: z.boolean() });
export const conversionSchema = z.object({ from: money, to: money, date: z.string(), rates: z.array(rateUsed), crossRate: z.number(), exact: z.boolean() });

export const allocationResponseSchema = z.object({
  fund: z.object({ id: z.string(), title: z.string(), currency: z.string() }).catchall(z.unknown()),
  currency: z.string().describe("The currency of every figure (the fund's unless `currency` asked for another)"),
  rateDate: z.string().nullable().describe('The ECB publication day of the rates used for the as-of date (prices, target); contributions convert at their own dates'),
  asOf: z.string(),
  contributions: z.array(
    z.object({ id: z.string(), donors: z.array(z.string()), date: z.string(), status: z.string(), package: z.string().nullable(), amount: z.number().int().nullable(), conversion: conversionSchema.nullable() }),
  ),
  unconfirmed: z
    .array(z.object({ contribution: z.string(), party: z.string(), amount: z.number().int(), currency: z.string() }))
    .describe("Donors' parts another donor recorded that are not confirmed yet: counted nowhere"),
  priceConversions: z.array(z.object({ package: z.string(), conversion: conversionSchema })),
  allocation: z.object({
    packages: z.array(
      z.object({ id: z.string(), title: z.string(), price: z.number().int(), funded: z.number().int(), shortfall: z.number().int(), status: z.string(), recordedStatus: z.string() }).catchall(z.unknown()),
    ),
    flows: z.array(z.object({ contribution: z.string(), package: z.string().nullable(), amount: z.number().int() })),
    donors: z.array(z.object({ party: z.string(), total: z.number().int() }).catchall(z.unknown())),
    totals: z.object({ contributed: z.number().int(), allocated: z.number().int(), unallocated: z.number().int(), shortfall: z.number().int() }).catchall(z.unknown()),
    warnings: z.array(z.string()),
  }),
  reportedTotals: z.array(z.object({ date: z.string(), what: z.string(), difference: z.number().int().nullable() }).catchall(z.unknown())),
});

export const fundSummariesResponseSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), currency: z.string(), contributed: z.number().int(), shortfall: z.number().int() }).catchall(z.unknown())),
});

export const financingResponseSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string(), needAmount: z.number().int(), currency: z.string(), decidedOption: z.string().nullable(), decidedOn: z.string().nullable() }).catchall(z.unknown()),
  options: z.array(
    z
      .object({
        id: z.string(),
        kind: z.string(),
        key: z.string(),
        keyUsed: z.string(),
        exposure: z.string(),
        amount: z.number().int(),
        decided: z.boolean(),
        optedOut: z.array(z.string()),
        shares: z.array(z.object({ party: z.string(), share: z.number(), amount: z.number().int() })),
        warnings: z.array(z.string()),
      })
      .catchall(z.unknown()),
  ),
  sideBySide: z.array(z.object({ party: z.string(), name: z.string(), amounts: z.array(z.number().int().nullable()), shares: z.array(z.number().nullable()) })),
  keySource: z.string(),
  asOf: z.string().describe('The date the shares are as of: a decision taken after it is not shown as taken'),
  conversion: z.object({ from: z.string(), note: conversionSchema }).nullable().describe("How the plan's amounts were converted into the asked currency (at the as-of date's rate); null in the plan's own"),
});

export const burdenResponseSchema = z.object({
  key: z.literal('gdp'),
  currency: z.string(),
  asOf: z.string(),
  rows: z.array(
    z
      .object({
        rank: z.number().int().nullable(),
        party: z.string(),
        name: z.string(),
        purl: z.number().int(),
        otherFinance: z.number().int(),
        money: z.number().int(),
        liability: z.number().int(),
        shareOfGdp: z.number().nullable(),
        fairShare: z.number().int().nullable(),
        gap: z.number().int().nullable(),
      })
      .catchall(z.unknown()),
  ),
  totals: z.object({ money: z.number().int(), keyedMoney: z.number().int(), liabilities: z.number().int() }).catchall(z.unknown()),
  outsideKey: z.array(z.string()),
  gdp: z.object({ source: z.string(), referenceYear: z.number().int(), conversion: conversionSchema.nullable() }),
  otherFinance: z.array(z.object({ plan: z.string(), option: z.string(), title: z.string(), conversion: conversionSchema.nullable() })),
  liabilities: z.array(z.object({ plan: z.string(), option: z.string(), title: z.string(), exposure: z.enum(['liability', 'guarantee']), conversion: conversionSchema.nullable() })),
  withoutAmount: z.array(z.string()),
  notes: z.array(z.string()),
});

export const ratesResponseSchema = z.object({
  info: z.object({ rows: z.number().int(), firstDate: z.string().nullable(), lastDate: z.string().nullable(), origin: z.enum(['store', 'bundled']) }),
  date: z.string(),
  rates: z.array(rateUsed),
  conversion: conversionSchema.nullable(),
});
