// The routes of an OpenAPI document with the fields each takes (body properties at every depth, query
// parameters), read from the document the app serves, so a test that walks them covers every route and field
// the app has — including ones added later.

export type FieldPath = (string | number)[];

/** A JSON schema node as @fastify/swagger writes it (only what the walk needs). */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

export interface RouteField {
  /** Where the value goes: the JSON body, or a query parameter. */
  in: 'body' | 'query';
  path: FieldPath;
  schema: SchemaNode;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI path with `{id}`. */
  path: string;
  /** The replace body nests the record under `record` in the schema; clients send its fields at the top. */
  fields: RouteField[];
  hasBody: boolean;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: SchemaNode }[];
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
}

const METHODS = ['get', 'post', 'put', 'delete'] as const;

/** Every field under a schema node: each property (and list item 0) at every depth, parents before children. */
export function fieldsOf(node: SchemaNode, prefix: FieldPath = []): { path: FieldPath; schema: SchemaNode }[] {
  const found: { path: FieldPath; schema: SchemaNode }[] = [];
  const alternatives = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  const seen = new Set<string>();
  for (const alternative of alternatives) {
    for (const [name, child] of Object.entries(alternative.properties ?? {})) {
      const path = [...prefix, name];
      const key = JSON.stringify(path);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ path, schema: child }, ...fieldsOf(child, path));
    }
    if (alternative.items && prefix.length > 0) found.push(...fieldsOf(alternative.items, [...prefix, 0]));
  }
  return found;
}

/** The routes of an OpenAPI document and their fields. */
export function routesOf(spec: { paths: Record<string, Record<string, Operation>> }): ApiRoute[] {
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => method in operations).map((method): ApiRoute => {
      const operation = operations[method] as Operation;
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter): RouteField => ({ in: 'query', path: [parameter.name], schema: parameter.schema ?? {} }));
      let body = operation.requestBody?.content?.['application/json']?.schema;
      const record = body?.properties?.record;
      if (method === 'put' && record) body = record;
      const fields = body ? fieldsOf(body).map((field): RouteField => ({ in: 'body', ...field })) : [];
      return { method: method.toUpperCase() as ApiRoute['method'], path, fields: [...query, ...fields], hasBody: body !== undefined };
    }),
  );
}

/** Whether a schema node takes any string (free text: not a date, pattern, enum or non-string type). */
export function takesFreeText(schema: SchemaNode): boolean {
  return alternativesOf(schema).some((node) => isString(node) && node.format === undefined && node.pattern === undefined && node.enum === undefined);
}

/** Whether a schema node may take a string that looks like a date (text or a pattern such as an id's; not a date, enum or number). */
export function mayTakeDateLikeText(schema: SchemaNode): boolean {
  return alternativesOf(schema).some((node) => isString(node) && node.format !== 'date' && node.enum === undefined);
}

function alternativesOf(schema: SchemaNode): SchemaNode[] {
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
}

function isString(node: SchemaNode): boolean {
  return (Array.isArray(node.type) ? node.type : [node.type]).includes('string');
}

/** A copy of `value` with `path` set to `leaf`, creating the objects and lists on the way. */
export function withField(value: unknown, path: FieldPath, leaf: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? structuredClone(value as Record<string, unknown>) : {};
  let node: Record<string | number, unknown> = root;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = leaf;
      return;
    }
    const next = node[part];
    const wantList = typeof path[i + 1] === 'number';
    if (typeof next !== 'object' || next === null || Array.isArray(next) !== wantList) node[part] = wantList ? [{}] : {};
    const child = node[part] as Record<string | number, unknown>;
    if (wantList && (child as unknown as unknown[]).length === 0) (child as unknown as unknown[]).push({});
    node = child;
  });
  return root;
}

/** `['options', 0, 'title']` → `options[0].title`, as error paths are written. */
export function formatFieldPath(path: FieldPath, prefix: string): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`), prefix);
}
