import { bigint, date, jsonb, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  confidentialitySchema,
  CONTRIBUTION_STATUSES,
  currencySchema,
  type donorSchema,
  donorsSchema,
  idSchema,
  isoDateSchema,
  minorUnitsSchema,
  partyListSchema,
  text,
} from '../field-schemas.js';
import { derivedField, idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// Money paid (or pledged) into a fund by one or several donors (DESIGN.md §3), written by the donors' delegates.

type Donor = z.output<typeof donorSchema>;

interface StoredDonor {
  party: string;
  share?: number | null;
  /** false while the donor has not confirmed its part; absent: confirmed. */
  confirmed?: boolean;
}

/** Donors are stored as [{party, share, confirmed?}] with share null when not given. */
const donorsAsJson = {
  toColumn: (value: unknown): unknown =>
    (value as Donor[]).map((donor): StoredDonor => ({ party: donor.party, share: donor.share ?? null, ...(donor.confirmed !== undefined ? { confirmed: donor.confirmed } : {}) })),
  fromColumn: (value: unknown): unknown =>
    (value as StoredDonor[]).map((donor) => {
      const result: Donor = typeof donor.share === 'number' ? { party: donor.party, share: donor.share } : { party: donor.party };
      if (typeof donor.confirmed === 'boolean') result.confirmed = donor.confirmed;
      return result;
    }),
};

export const contributionType = declareRecordType({
  name: 'contributions',
  table: 'contributions',
  description: 'Money one or several donors paid or pledged into a fund',
  exchanged: true,
  confidential: true,
  fields: {
    id: idField(idSchema, 'unique id of the contribution'),
    fund: keyedField(idSchema, 'fundId', textColumn('fund_id').notNull(), { filter: true, index: true, references: 'funds', exchange: 'id of the fund paid into' }),
    /** Earmark: the package of the fund this contribution pays for. */
    package: keyedField(idSchema.optional(), 'packageId', textColumn('package_id'), {
      filter: true,
      references: 'fund-packages',
      exchange: 'id of the fund package it is earmarked for',
    }),
    donors: field(donorsSchema, jsonb('donors').notNull(), {
      references: 'parties',
      stored: donorsAsJson,
      exchange: {
        kind: 'donors',
        description:
          'donor parties, separated by ;, each optionally with its share: PL:0.5;NO:0.25;DE:0.25 or PL;NO;DE; a part its donor has not confirmed ends in ? (NO:0.25?)',
      },
    }),
    /** null: the donors pledged, but no amount was published (they count as donors, add no money). */
    amount: field(minorUnitsSchema.nullable(), bigint('amount', { mode: 'number' }), {
      exchange: 'amount in minor units of the currency (EUR 500 m = 50000000000 cents); empty = no amount was published',
    }),
    currency: field(currencySchema, textColumn('currency').notNull(), { filter: true, exchange: 'ISO 4217 code, e.g. EUR' }),
    date: field(isoDateSchema, date('date', { mode: 'string' }).notNull(), { exchange: 'date of the contribution (YYYY-MM-DD)' }),
    status: field(
      z.enum(CONTRIBUTION_STATUSES, { error: `must be one of ${CONTRIBUTION_STATUSES.join(', ')}` }).default('pledged'),
      textColumn('status').notNull().default('pledged'),
      { filter: true, exchange: 'pledged or paid (default pledged)' },
    ),
    confidentiality: field(confidentialitySchema.default('coalition'), textColumn('confidentiality').notNull().default('coalition'), {
      filter: true,
      exchange: 'public, coalition, restricted or bilateral (default coalition)',
    }),
    sharedWith: field(partyListSchema.optional(), textColumn('shared_with').array(), {
      references: 'parties',
      exchange: 'parties a bilateral contribution is shared with, separated by ;',
    }),
    sources: sourcesField(),
    note: field(text.optional(), textColumn('note'), { exchange: 'free text' }),
    derived: derivedField(),
  },
});
