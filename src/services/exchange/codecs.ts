import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import type { StoredRecord } from '../../db/entities/entity-definition.js';
import { type CodecSpec, codecFor } from './columns.js';

// The record types `coalition import` / `export` exchange (declared `exchanged`), by name, in the registry's load
// order (referenced before referencing), which is also the order exports list them.

export type ExchangeCodec = CodecSpec<StoredRecord>;

/** The name of an exchanged record type (`pledges`). */
export type ExchangeEntity = string;

const CODECS = new Map<string, ExchangeCodec>(ALL_ENTITIES.filter((entity) => entity.type.exchanged).map((entity) => [entity.name, codecFor(entity)]));

/** The exchanged entities, in load and export order. */
export const EXCHANGE_ENTITIES: readonly ExchangeEntity[] = [...CODECS.keys()];

/** Whether `name` is an exchanged entity. */
export function isExchangeEntity(name: string): name is ExchangeEntity {
  return CODECS.has(name);
}

/** The codec of an exchanged entity. */
export function codecOf(name: ExchangeEntity): ExchangeCodec {
  const codec = CODECS.get(name);
  if (!codec) throw new Error(`'${name}' is not an exchanged record type`);
  return codec;
}
