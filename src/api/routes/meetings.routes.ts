import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { followUpQuerySchema } from '../../contracts/follow-up.schema.js';
import type { Services } from '../../services/create-services.js';
import { issueCalendarToken } from '../../services/meetings/calendar-token.js';
import { CALENDAR_ROUTE, principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// Following up meetings (docs/meetings.md): action items with their status history and the overdue ones, a
// delegate's own party first; the calendar of meetings and due dates, with a link a calendar program subscribes to.

const itemSchema = z.object({
  id: z.string(),
  meeting: z.string(),
  meetingDate: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  text: z.string(),
  owner: z.string().optional(),
  ownerPerson: z.string().optional(),
  due: z.string().optional(),
  status: z.string(),
  pledges: z.array(z.string()).optional().describe('Pledges the item is about'),
  requirements: z.array(z.string()).optional().describe('Requirements the item is about'),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  ownParty: z.boolean(),
  history: z.array(z.object({ at: z.string(), actor: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
const listSchema = z.object({ on: z.string(), items: z.array(itemSchema) });

/** Register /api/follow-up, /api/follow-up/overdue, /api/calendar/link and /api/calendar.ics. */
export function registerMeetingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/follow-up', {
    schema: {
      tags: ['meetings'],
      summary: "Action items in reading order (a delegate's party first, overdue first), with owner, due date and status history",
      querystring: followUpQuerySchema,
      response: { 200: listSchema, 400: errorResponseSchema },
    },
    handler: async (request) => services.followUp.actionItems(principalOf(request), request.query),
  });
  api.get('/api/follow-up/overdue', {
    schema: {
      tags: ['meetings'],
      summary: 'Open action items past their due date on a day (default today)',
      querystring: followUpQuerySchema,
      response: { 200: listSchema, 400: errorResponseSchema },
    },
    handler: async (request) => services.followUp.actionItems(principalOf(request), { ...request.query, overdue: true }),
  });
  api.get('/api/calendar/link', {
    schema: {
      tags: ['meetings'],
      summary: "The caller's calendar link: GET /api/calendar.ics?token=… for a calendar program to subscribe to",
      response: { 200: z.object({ path: z.string(), token: z.string() }), 403: errorResponseSchema },
    },
    handler: async (request) => {
      const token = await issueCalendarToken(services.store.db, principalOf(request));
      return { path: `${CALENDAR_ROUTE}?token=${token}`, token };
    },
  });
  api.get(CALENDAR_ROUTE, {
    schema: {
      tags: ['meetings'],
      summary: 'Meetings and due dates as iCalendar (?token= a calendar token from /api/calendar/link, or logged in)',
      querystring: z.strictObject({ token: z.string().max(600).regex(/^[A-Za-z0-9_.-]+$/, 'must be a calendar token from GET /api/calendar/link').optional() }),
      produces: ['text/calendar'],
      response: { 200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string().describe('iCalendar (RFC 5545)') } } }, 400: errorResponseSchema },
    },
    handler: async (_request, reply) => {
      void reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300');
      return reply.send(await services.followUp.calendar());
    },
  });
}
