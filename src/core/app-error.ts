/**
 * Prompter's one closed vocabulary of errors. Services throw these; the HTTP error handler is the
 * only place that turns them into a status and a JSON body (`{"detail": …}`, docs/api-contract.md §3).
 */
export const errorStatusByCode = {
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  TEMPLATE_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  BUDGET_EXCEEDED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatusByCode;

/** One entry of a 422 body, in the FastAPI shape existing clients parse. */
export interface ValidationIssue {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields placed beside `code` and `message` in the body, e.g. `template_id`. */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorStatusByCode[this.code];
  }
}

export class ValidationError extends AppError {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super('VALIDATION_FAILED', issues.map((issue) => issue.msg).join('; '));
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
