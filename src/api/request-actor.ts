import type { FastifyRequest } from 'fastify';
import type { Actor } from '../services/records.service.js';

// Who is making a request. Until user accounts exist (the access-control issue), every API write is
// recorded as `api` in the audit log.

/** The actor of a request. */
export function actorOf(_request: FastifyRequest): Actor {
  return { name: 'api' };
}
