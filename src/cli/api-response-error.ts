/**
 * An error answer of the Prompter API: its HTTP status and its `{"detail": …}` body. The local
 * mode raises the same for a domain error, so a command reports both alike.
 */
export class ApiResponseError extends Error {
  override readonly name = 'ApiResponseError';
  constructor(
    readonly status: number,
    readonly body: { readonly detail: unknown },
  ) {
    super(describeDetail(body.detail));
  }
}

/** A readable one-liner (or one line per 422 issue) for a `detail`. */
function describeDetail(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((issue: { loc?: unknown[]; msg?: unknown }) => {
        const location = Array.isArray(issue.loc) ? issue.loc.slice(1).join('.') : '';
        const message = typeof issue.msg === 'string' ? issue.msg : 'invalid value';
        return `${location === '' ? '' : `${location}: `}${message}`;
      })
      .join('\n');
  }
  if (typeof detail === 'object' && detail !== null) {
    const fields = detail as Record<string, unknown>;
    const message = typeof fields['message'] === 'string' ? fields['message'] : 'request failed';
    const hints = [
      typeof fields['template_id'] === 'string' ? `template ${fields['template_id']}` : null,
      typeof fields['result_id'] === 'string' ? `failed result ${fields['result_id']}` : null,
    ].filter((hint) => hint !== null);
    return hints.length === 0 ? message : `${message} (${hints.join(', ')})`;
  }
  return 'request failed';
}
