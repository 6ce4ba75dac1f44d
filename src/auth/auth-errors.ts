import { AppError } from '../core/app-error.ts';

/** No credentials, or credentials that name no active key (401 `UNAUTHORIZED`). */
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super('UNAUTHORIZED', message);
  }
}

/** Valid credentials that do not allow this request: another org, or too small a role (403). */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}
