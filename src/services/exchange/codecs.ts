import type { StoredRecord } from '../../db/entities/entity-definition.js';
import { type CodecSpec, contributionCodec, pledgeCodec, requirementCodec } from './columns.js';

// The entities `coalition import` / `export` exchange, by name, in the order exports list them.

export const EXCHANGE_ENTITIES = ['pledges', 'requirements', 'contributions'] as const;

export type ExchangeEntity = (typeof EXCHANGE_ENTITIES)[number];

export type ExchangeCodec = CodecSpec<StoredRecord>;

const CODECS: Record<ExchangeEntity, ExchangeCodec> = {
  pledges: pledgeCodec,
  requirements: requirementCodec,
  contributions: contributionCodec,
};

/** Whether `name` is an exchanged entity. */
export function isExchangeEntity(name: string): name is ExchangeEntity {
  return (EXCHANGE_ENTITIES as readonly string[]).includes(name);
}

/** The codec of an exchanged entity. */
export function codecOf(name: ExchangeEntity): ExchangeCodec {
  return CODECS[name];
}
