import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError, type ErrorCode } from '../core/app-error.ts';
import { issuesFromSchemaErrors } from './validation-issues.ts';

/** Fastify's own error codes that are the client's fault, in Prompter's vocabulary. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
};

/** Client errors raised by plugins (rate limit, helmet, …) with only a status. */
const codeByClientStatus: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * The single place errors become HTTP responses. Every body is `{"detail": …}`: a string for
 * 404, `[{loc, msg, type}]` for 422, `{code, message, …}` otherwise. 5xx are logged with the
 * request id and their message is masked.
 */
export function registerErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = toAppError(error, bodyLimitBytes);
    if (known === null) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({
        detail: {
          code: 'INTERNAL',
          message: `Internal server error (request ${request.id}).`,
        },
      });
    }
    if (known.code === 'PROVIDER_ERROR') {
      // A provider failure is the provider's, not ours: a warning with what an operator needs.
      request.log.warn(
        { action: 'provider_error', status: known.status, ...known.extra },
        known.message,
      );
    } else if (known.status >= 500) {
      request.log.error({ err: error }, known.message);
    }
    return reply.status(known.status).send(errorBody(known));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ detail: `Not Found: ${request.method} ${request.url.split('?')[0]}` }),
  );
}

export function errorBody(error: AppError): { detail: unknown } {
  if (error instanceof ValidationError) return { detail: error.issues };
  if (error.code === 'NOT_FOUND') return { detail: error.message };
  return { detail: { code: error.code, message: error.message, ...error.extra } };
}

function toAppError(error: FastifyError, bodyLimitBytes: number): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new ValidationError(
      issuesFromSchemaErrors(error.validation, error.validationContext ?? 'body'),
    );
  }
  const code = fastifyCodes[error.code];
  if (code === 'PAYLOAD_TOO_LARGE') {
    return new AppError(code, `Request body is larger than the limit of ${bodyLimitBytes} bytes.`);
  }
  if (code !== undefined) return new AppError(code, error.message);
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const detail = (error as { detail?: Record<string, unknown> }).detail;
    const message = typeof detail?.['message'] === 'string' ? detail['message'] : error.message;
    const { code: _code, message: _message, ...extra } = detail ?? {};
    return new AppError(codeByClientStatus[status] ?? 'BAD_REQUEST', message, extra);
  }
  return null;
}

/**
 * Fastify's router errors (a URL it cannot decode, a path segment past `maxParamLength`), which
 * bypass the error handler: the same `{"detail": …}` shape, 400 and 404.
 */
export function answerRouterError(
  error: FastifyError,
  _request: unknown,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(404).send({ detail: 'Not Found' });
    return;
  }
  void reply.status(400).send({
    detail: { code: 'BAD_REQUEST', message: `The URL cannot be read: ${error.message}` },
  });
}
