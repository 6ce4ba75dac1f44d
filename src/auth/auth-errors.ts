/**
 * Authentication and authorisation failures. They carry their status and error code so the one
 * error handler can map them (`UNAUTHORIZED` 401, `FORBIDDEN` 403) without knowing this module.
 */
export abstract class AuthError extends Error {
  abstract readonly code: 'UNAUTHORIZED' | 'FORBIDDEN';
  abstract readonly status: 401 | 403;
}

/** No credentials, or credentials that name no active key. */
export class UnauthorizedError extends AuthError {
  override readonly name = 'UnauthorizedError';
  readonly code = 'UNAUTHORIZED';
  readonly status = 401;
}

/** Valid credentials that do not allow this request (another org, or too small a role). */
export class ForbiddenError extends AuthError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
  readonly status = 403;
}
