// Canonical JSON for hashing (DESIGN.md §7): keys sorted, no whitespace, undefined dropped. jsonb reorders
// keys, so the audit chain hashes these bytes, never the database's rendering.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Serialise a JSON-compatible value canonically. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/**
 * canonicalJson(JSON.parse(JSON.stringify(value))) in one pass, without the intermediate text and objects: what
 * the audit chain hashes of a value stored as jsonb. JSON's rules apply: toJSON (Dates become ISO strings),
 * non-finite numbers become null, undefined, functions and symbols are dropped from objects and null in arrays.
 * Undefined at the top gives null.
 */
export function canonicalJsonOfStored(value: unknown): string {
  return storedJson(value, '') ?? 'null';
}

function storedJson(given: unknown, key: string): string | undefined {
  let value = given;
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt (JSON cannot carry it)');
    default:
      break;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += `${i === 0 ? '' : ','}${storedJson(value[i], String(i)) ?? 'null'}`;
    return `${text}]`;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = '';
  for (const name of keys) {
    const item = storedJson(source[name], name);
    if (item !== undefined) text += `${text === '' ? '' : ','}${JSON.stringify(name)}:${item}`;
  }
  return `{${text}}`;
}
