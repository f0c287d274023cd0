import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, httpStatusOf } from '../contracts/error-codes.js';
import { AppError, formatPath, type InputProblem } from '../contracts/input-error.js';

// The one place that turns errors into HTTP responses: {error: code, message, details}. Codes map to
// statuses through the table in contracts; a 5xx never carries an internal message.

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details: { problems?: InputProblem[]; [key: string]: unknown };
}

/** Install the error and not-found handlers on an app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = describeError(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = body.details.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}`, details: {} } satisfies ErrorBody);
  });
}

function describeError(error: FastifyError, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: httpStatusOf(error.code), body: { error: error.code, message: error.message, details: { problems: error.problems, ...error.details } } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const problems = error.validation.map((issue) => ({
      path: formatPath(issue.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), where),
      message: describeIssue(issue.keyword, issue.message, issue.params),
    }));
    return fail('input.invalid', `invalid ${where}`, { problems });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fail('input.too_large', 'request body too large', { problems: [{ path: 'body', message: `must be at most ${request.routeOptions.bodyLimit} bytes` }] });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fail('input.unsupported_media_type', 'send JSON (content-type: application/json)', {});
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return fail('input.invalid', 'the JSON body is empty', {});
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return fail('input.invalid', 'the body is not valid JSON', {});
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return fail('input.invalid', 'the request is malformed', {});
  if (error.statusCode === 413) return fail('input.too_large', 'request too large', {});
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { error: 'input.invalid', message: 'the request was refused', details: {} } };
  }
  return fail('internal', 'internal error', {});
}

function fail(code: ErrorCode, message: string, details: ErrorBody['details']): { status: number; body: ErrorBody } {
  return { status: httpStatusOf(code), body: { error: code, message, details } };
}

function describeIssue(code: string, message: string | undefined, params: Record<string, unknown>): string {
  const keys = params.keys;
  if (code === 'unrecognized_keys' && Array.isArray(keys)) {
    return `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${String(k)}'`).join(', ')}`;
  }
  return message ?? 'is invalid';
}
