import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLEDGE_LIST_COLUMNS, PLEDGE_LIST_LANGUAGES, type PledgeListColumn } from '../../core/pledge-list/pledge-row-text.js';
import type { PledgeListQuery } from '../../core/pledge-list/select-pledge-rows.js';
import { freeTextSchema } from '../../contracts/primitives.schema.js';
import type { Services } from '../../services/create-services.js';
import type { PledgeListRequest } from '../../services/pledge-list.service.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';
import { scenarioRequestSchema } from './scenarios.routes.js';

// The pledge list of the web's Pledges and party pages: one page of a scenario's evaluated pledges with names,
// filtered, searched and sorted on the server, and the same list as CSV or XLSX. The body is the scenario as
// POST /api/scenarios/evaluate takes it; what the caller may see is what that route evaluates.

/** Rows a page holds by default, and at most. */
export const DEFAULT_PLEDGE_PAGE = 100;
export const MAX_PLEDGE_PAGE = 500;

const SORTS = PLEDGE_LIST_COLUMNS.flatMap((column) => [column, `-${column}`]) as [string, ...string[]];

const listFilterShape = {
  party: freeTextSchema(100).optional().describe("A party's id: only its pledges"),
  capability: freeTextSchema(100).optional().describe("A capability's id: only pledges of it"),
  domain: freeTextSchema(100).optional().describe("A capability domain (`land` of `land.personnel`): only pledges of its capabilities"),
  state: z.enum(['certain', 'possible', 'inactive'], { error: 'must be certain, possible or inactive' }).optional().describe('Only pledges in this state under the scenario'),
  q: freeTextSchema(200).optional().describe('Words every listed pledge holds in what the table shows (names, quantity, status, condition, state, note, sources, explanation), in English or German, accents and case ignored'),
  sort: z.enum(SORTS, { error: `must be one of ${PLEDGE_LIST_COLUMNS.join(', ')}, with a leading - for descending` }).optional().describe('A column to sort by (`-` first: descending); by id without it'),
  lang: z.enum(PLEDGE_LIST_LANGUAGES, { error: 'must be en or de' }).default('en').describe("The page's language: names and words sorted by and exported in it"),
};

export const pledgeListQuerySchema = z.strictObject({
  ...listFilterShape,
  limit: z.coerce.number().int().min(1).max(MAX_PLEDGE_PAGE).default(DEFAULT_PLEDGE_PAGE),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const EXPORT_COLUMNS = PLEDGE_LIST_COLUMNS.filter((column): column is Exclude<PledgeListColumn, 'sources'> => column !== 'sources');
const DEFAULT_EXPORT_COLUMNS = 'id,party,capability,quantity,status,condition,state';

export const pledgeExportQuerySchema = z.strictObject({
  ...listFilterShape,
  format: z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' }).default('csv'),
  columns: z
    .string()
    .default(DEFAULT_EXPORT_COLUMNS)
    .transform((text, context) => {
      const columns = text.split(',').filter(Boolean);
      const unknown = columns.filter((column) => !(EXPORT_COLUMNS as readonly string[]).includes(column));
      if (columns.length === 0 || unknown.length > 0) {
        context.addIssue({ code: 'custom', message: `must list columns among ${EXPORT_COLUMNS.join(', ')} (sources are always last)` });
        return z.NEVER;
      }
      return [...new Set(columns)] as Exclude<PledgeListColumn, 'sources'>[];
    })
    .describe(`The columns in order, comma-separated, among ${EXPORT_COLUMNS.join(', ')}; sources and the as-of date follow`),
  name: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes').default('pledges').describe('The file name before the date'),
});

const rowSchema = z.object({
  id: z.string(),
  party: z.string(),
  partyName: z.string(),
  capability: z.string(),
  capabilityName: z.string(),
  quantity: z.object({ min: z.number(), max: z.number() }).nullable(),
  areas: z.array(z.string()),
  status: z.string(),
  condition: z.string(),
  state: z.enum(['certain', 'possible', 'inactive']),
  note: z.string().nullable(),
  sources: z.array(z.string()),
  explanation: z.string().nullable().describe('Why the pledge is not plainly certain (English, ids); null when it is'),
  explanationChain: z.unknown().nullable().describe('The same explanation as a structure (reasons, waits-for chains), for rendering in another language'),
  standby: z.string().nullable().describe('A guarantee commitment waiting for its trigger: the trigger fact'),
});

const pageSchema = z.object({
  items: z.array(rowSchema),
  total: z.number().int().describe('How many pledges match'),
  limit: z.number().int(),
  offset: z.number().int(),
  parties: z.array(z.string()).describe('The parties with a listed pledge (the party filter\'s choices)'),
  capabilities: z.array(z.string()).describe('The capabilities of the listed pledges (the capability filter\'s choices)'),
  sources: z.array(z.string()).describe('The sources the matching pledges cite, once each (at most 1,000)'),
});

type ListQuery = z.output<typeof pledgeListQuerySchema> | z.output<typeof pledgeExportQuerySchema>;

function listRequest(query: ListQuery, scenario: z.output<typeof scenarioRequestSchema>): PledgeListRequest {
  const sort = query.sort === undefined ? undefined : { column: query.sort.replace(/^-/, '') as PledgeListColumn, descending: query.sort.startsWith('-') };
  const filters: PledgeListQuery = { party: query.party, capability: query.capability, domain: query.domain, state: query.state, q: query.q, sort, knownOn: scenario.asOf };
  return { scenario, query: filters, language: query.lang };
}

/** Register POST /api/scenarios/pledges and POST /api/scenarios/pledges/export. */
export function registerPledgeListRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/scenarios/pledges', {
    schema: {
      tags: ['scenarios'],
      summary: "One page of a scenario's pledges with names, state and why, filtered, searched and sorted",
      description:
        'The body is the scenario as `POST /api/scenarios/evaluate` takes it (facts, asOf); the list holds the pledges that route evaluates for the caller ' +
        '(with asOf: those known then). `party`, `capability`, `domain` and `state` filter; `q` searches what the table shows; `sort` orders by a column; ' +
        `\`limit\` (default ${DEFAULT_PLEDGE_PAGE}, at most ${MAX_PLEDGE_PAGE}) and \`offset\` page; \`total\` counts the matches.`,
      querystring: pledgeListQuerySchema,
      body: scenarioRequestSchema,
      response: { 200: pageSchema, 400: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request) => {
      const { limit, offset } = request.query;
      return services.pledgeList.page(principalOf(request), { ...listRequest(request.query, request.body), limit, offset });
    },
  });
  api.post('/api/scenarios/pledges/export', {
    schema: {
      tags: ['scenarios'],
      summary: "A scenario's pledge list as CSV or XLSX: the same filters, search and sort, every matching row",
      description: 'The columns in the words of `lang` (the explanation too, as the page shows it), then the sources and the as-of date (today without one).',
      querystring: pledgeExportQuerySchema,
      body: scenarioRequestSchema,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: {
        200: {
          description: 'The file',
          content: {
            'text/csv': { schema: z.string().meta({ description: 'CSV, a header row first' }) },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.custom<Uint8Array>((value) => value instanceof Uint8Array).meta({ type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'An XLSX workbook' }) },
          },
        },
        400: errorResponseSchema,
        422: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const { format, columns, name } = request.query;
      const file = await services.pledgeList.export(principalOf(request), { ...listRequest(request.query, request.body), format, columns, name });
      void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'private, no-store');
      return reply.send(file.body);
    },
  });
}
