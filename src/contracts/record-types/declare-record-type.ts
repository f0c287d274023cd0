import { type BuildColumns, getTableColumns } from 'drizzle-orm';
import { index, type PgColumn, type PgColumnBuilderBase, type PgTable, pgTable, type PgTableWithColumns } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { strictRecord } from '../field-schemas.js';
import { recordColumns, type RecordColumns } from './record-columns.js';

// One declaration per record type (docs/architecture.md): each field's zod schema beside the drizzle column(s)
// that store it, and what else the field means (a list filter, an index, a reference, its exchange column). The
// edge schema, the drizzle table, the storage mapping, the exchange columns and the response schema are all
// derived from it, so adding a field or a type is one edit (plus a generated migration).

/** How a cell of an exchange file (CSV, XLSX, JSON) is written and read (docs/data-exchange.md, "Cells"). */
export type CellKind = 'text' | 'integer' | 'number' | 'boolean' | 'list' | 'donors';

/** One field's column in the exchange files. */
export interface ExchangeSpec {
  description: string;
  /** The cell kind; by default from the column type (text, bigint/integer → integer, double → number, array → list). */
  kind?: CellKind;
  /** A JSON value in a text cell (derivations, options): the example a problem message shows. */
  json?: string;
  /** The column name in files; by default the field's name in snake_case (`sharedWith` → `shared_with`). */
  name?: string;
  /** A value that is not written as itself (a fact's true/false/"unknown"): to the cell and back. */
  toCell?(value: unknown): string | number | boolean | null;
  fromCell?(value: unknown): unknown;
}

/** A value stored in a column as something else (a fact's value as text, empty derivations as null). */
export interface StoredAs {
  toColumn(value: unknown): unknown;
  fromColumn(value: unknown): unknown;
}

interface FieldOptions {
  /** A list query parameter (equality; an array column: contains); `true` names it after the field. */
  filter?: string | true;
  /** An index on the column (named `<table>_<field>_idx`). */
  index?: boolean;
  /** The collection whose ids the field holds (`parties`). */
  references?: string;
  /** Its column in exchange files; absent: the field is not exchanged. */
  exchange?: string | ExchangeSpec;
  stored?: StoredAs;
}

type Layout = 'self' | 'keyed' | 'parts';

/** A declared field: its schema and its column builders (keyed by the field, an explicit key, or its parts). */
export interface Field<S extends z.ZodType = z.ZodType, C extends Record<string, PgColumnBuilderBase> = Record<string, PgColumnBuilderBase>, L extends Layout = Layout> {
  schema: S;
  columns: C;
  layout: L;
  options: FieldOptions & { together?: string; partExchange?: Record<string, string | ExchangeSpec> };
}

/** A field stored in one column under the field's own name (`party` → pledges.party). */
export function field<S extends z.ZodType, B extends PgColumnBuilderBase>(schema: S, column: B, options: FieldOptions = {}): Field<S, { self: B }, 'self'> {
  return { schema, columns: { self: column }, layout: 'self', options };
}

/** A field stored in one column under another key (`fund` → contributions.fundId, column fund_id). */
export function keyedField<S extends z.ZodType, K extends string, B extends PgColumnBuilderBase>(
  schema: S,
  key: K,
  column: B,
  options: FieldOptions = {},
): Field<S, Record<K, B>, 'keyed'> {
  return { schema, columns: { [key]: column } as Record<K, B>, layout: 'keyed', options };
}

/**
 * An object field stored as one column per part (`window` → windowFrom, windowTo); absent (or null, if the schema
 * takes null) when every part is empty. `together`: the parts are given all or none, and this says so.
 */
export function partsField<S extends z.ZodType, C extends Record<string, PgColumnBuilderBase>>(
  schema: S,
  columns: C,
  options: Omit<FieldOptions, 'exchange' | 'stored'> & { exchange?: { [P in keyof C]: string | ExchangeSpec }; together?: string } = {},
): Field<S, C, 'parts'> {
  const { exchange, ...rest } = options;
  return { schema, columns, layout: 'parts', options: { ...rest, ...(exchange ? { partExchange: exchange } : {}) } };
}

type Entries<K extends string, F> =
  F extends Field<z.ZodType, infer C, infer L>
    ? L extends 'self'
      ? [K, C['self']]
      : L extends 'parts'
        ? { [P in keyof C & string]: [`${K}${Capitalize<P>}`, C[P]] }[keyof C & string]
        : { [P in keyof C & string]: [P, C[P]] }[keyof C & string]
    : never;

type Fields = Record<string, Field>;

/** The drizzle columns of a declaration's fields, by key. */
export type FieldColumns<F extends Fields> = { [E in { [K in keyof F & string]: Entries<K, F[K]> }[keyof F & string] as E[0]]: E[1] };

type ColumnMap<F extends Fields> = Omit<RecordColumns, keyof FieldColumns<F>> & FieldColumns<F>;
type BuiltColumns<N extends string, F extends Fields> =
  BuildColumns<N, ColumnMap<F>, 'pg'> extends infer C extends Record<string, PgColumn> ? C : never;

/** The drizzle table a declaration derives. */
export type TableOf<N extends string, F extends Fields> = PgTableWithColumns<{ name: N; schema: undefined; columns: BuiltColumns<N, F>; dialect: 'pg' }>;

type SchemaOf<F extends Fields> = ReturnType<typeof strictRecord<{ [K in keyof F]: F[K]['schema'] }>>;

/** One stored column of a field: its key in the table, and the part of the value it holds (parts layout). */
export interface FieldColumn {
  key: string;
  part?: string;
  column: PgColumn;
  exchange?: ExchangeColumn;
}

/** A column of the exchange files, derived from a field (or one part of it). */
export interface ExchangeColumn {
  name: string;
  kind: CellKind;
  /** The record field it fills (`window.from`); problems at this path or below it are reported at this column. */
  field: string;
  description: string;
  json?: string;
  toCell?(value: unknown): string | number | boolean | null;
  fromCell?(value: unknown): unknown;
}

/** A field of a declared type as the derivations use it. */
export interface DeclaredField {
  name: string;
  schema: z.ZodType;
  /** Whether the field takes null (stored null reads back as null, not as an absent field). */
  nullable: boolean;
  columns: FieldColumn[];
  together?: string;
  references?: string;
  stored?: StoredAs;
}

export interface RecordTypeDeclaration<N extends string, F extends Fields> {
  /** The collection: API path, audit log, exports (`pledges`). */
  name: string;
  /** The database table (`pledges`). */
  table: N;
  /** One line on what a record is (OpenAPI and docs). */
  description: string;
  fields: F;
  /** Records carry a confidentiality level and sharedWith (visibility rules apply). */
  confidential?: boolean;
  /** Exported and imported as CSV, XLSX and JSON files (`coalition export` / `import`, docs/data-exchange.md). */
  exchanged?: boolean;
  /** Checks across fields (a meeting's online list not repeating its in-person one). */
  check?(record: z.output<SchemaOf<F>>, ctx: z.RefinementCtx<z.output<SchemaOf<F>>>): void;
}

/** A record type with everything derived from its declaration, as generic code (storage, exchange, API) uses it. */
export interface RecordType {
  name: string;
  description: string;
  tableName: string;
  /** The record as it crosses an edge (create/replace body, import row, dataset file). */
  schema: z.ZodType;
  table: PgTable;
  fields: DeclaredField[];
  confidential: boolean;
  /** List query parameters: each an equality on a column (array columns: contains). */
  filters: Record<string, { column: PgColumn; array: boolean }>;
  exchanged: boolean;
  /** Exchange columns in file order. */
  exchange: ExchangeColumn[];
}

/** A declared record type, its schema and table typed field by field. */
export interface DeclaredRecordType<N extends string = string, F extends Fields = Fields> extends RecordType {
  tableName: N;
  schema: SchemaOf<F>;
  table: TableOf<N, F>;
}

/** A record type's stored record (its schema's output). */
export type RecordOf<T extends { schema: z.ZodType }> = z.output<T['schema']>;

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const capitalize = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

const KIND_BY_COLUMN: Record<string, CellKind> = {
  PgArray: 'list',
  PgBigInt53: 'integer',
  PgInteger: 'integer',
  PgDoublePrecision: 'number',
  PgBoolean: 'boolean',
};

function exchangeColumn(spec: string | ExchangeSpec | undefined, name: string, path: string, column: PgColumn): ExchangeColumn | undefined {
  if (spec === undefined) return undefined;
  const given: ExchangeSpec = typeof spec === 'string' ? { description: spec } : spec;
  const json = given.json ?? (given.kind === undefined && column.columnType === 'PgJsonb' ? 'JSON' : undefined);
  const kind = given.kind ?? (json !== undefined ? 'text' : (KIND_BY_COLUMN[column.columnType] ?? 'text'));
  const { description, toCell, fromCell } = given;
  return { name: given.name ?? name, kind, field: path, description, ...(json !== undefined ? { json } : {}), ...(toCell ? { toCell } : {}), ...(fromCell ? { fromCell } : {}) };
}

/** Build a record type from its declaration: the schema, the drizzle table, filters and exchange columns. */
export function declareRecordType<N extends string, F extends Fields>(declaration: RecordTypeDeclaration<N, F>): DeclaredRecordType<N, F> {
  const entries = Object.entries(declaration.fields);
  const keyed = entries.map(([name, item]) => ({
    name,
    item,
    keys: Object.keys(item.columns).map((part) => ({
      key: item.layout === 'self' ? name : item.layout === 'parts' ? `${name}${capitalize(part)}` : part,
      part: item.layout === 'parts' ? part : undefined,
      builder: item.columns[part] as PgColumnBuilderBase,
    })),
  }));
  const builders: Record<string, PgColumnBuilderBase> = { ...recordColumns() };
  for (const { keys } of keyed) for (const { key, builder } of keys) builders[key] = builder;
  const indexed = keyed.filter(({ item }) => item.options.index);
  const table = pgTable(declaration.table, builders, (self) =>
    indexed.map(({ name, keys }) => index(`${declaration.table}_${snakeCase(name)}_idx`).on(self[keys[0]?.key ?? name] as PgColumn)),
  );
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = keyed.map(({ name, item, keys }): DeclaredField => {
    const { options } = item;
    const fieldColumns = keys.map(({ key, part }): FieldColumn => {
      const column = columns[key] as PgColumn;
      const spec = part === undefined ? options.exchange : options.partExchange?.[part];
      const exchange = exchangeColumn(spec, snakeCase(part === undefined ? name : `${name}_${part}`), part === undefined ? name : `${name}.${part}`, column);
      return { key, column, ...(part !== undefined ? { part } : {}), ...(exchange ? { exchange } : {}) };
    });
    return {
      name,
      schema: item.schema,
      nullable: item.schema.safeParse(null).success,
      columns: fieldColumns,
      ...(options.together !== undefined ? { together: options.together } : {}),
      ...(options.references !== undefined ? { references: options.references } : {}),
      ...(options.stored ? { stored: options.stored } : {}),
    };
  });
  const filters: RecordType['filters'] = {};
  for (const [name, item] of entries) {
    const filter = item.options.filter;
    const column = fields.find((declared) => declared.name === name)?.columns[0]?.column;
    if (filter === undefined || !column) continue;
    filters[filter === true ? name : filter] = { column, array: column.columnType === 'PgArray' };
  }
  const shape = Object.fromEntries(entries.map(([name, item]) => [name, item.schema])) as { [K in keyof F]: F[K]['schema'] };
  const base = strictRecord(shape);
  const check = declaration.check;
  const schema = (check ? base.superRefine((record, ctx) => check(record as z.output<SchemaOf<F>>, ctx as never)) : base) as SchemaOf<F>;
  return {
    name: declaration.name,
    description: declaration.description,
    tableName: declaration.table,
    schema,
    table: table as unknown as TableOf<N, F>,
    fields,
    confidential: declaration.confidential ?? false,
    exchanged: declaration.exchanged ?? false,
    filters,
    exchange: fields.flatMap((declared) => declared.columns.flatMap((column) => (column.exchange ? [column.exchange] : []))),
  };
}
