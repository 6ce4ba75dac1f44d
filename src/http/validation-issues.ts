import type { FastifySchemaValidationError } from 'fastify';
import type { ValidationIssue } from '../core/app-error.ts';

/** Where a value came from, as FastAPI names it in `loc[0]`. */
const locationByContext: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Turns Ajv's errors into `{loc, msg, type}` entries a person can act on. */
export function issuesFromSchemaErrors(
  errors: readonly FastifySchemaValidationError[],
  context: string,
): ValidationIssue[] {
  const root = locationByContext[context] ?? context;
  const issues = errors
    .filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'if')
    .map((error) => describeError(error, root));
  return dedupeByLocation(issues.length > 0 ? issues : errors.map((e) => describeError(e, root)));
}

function describeError(error: FastifySchemaValidationError, root: string): ValidationIssue {
  const path = pointerToPath(error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return {
        loc: [root, ...path, String(params['missingProperty'])],
        msg: 'Field required',
        type: 'missing',
      };
    case 'type':
      return {
        loc: [root, ...path],
        msg:
          path.length === 0
            ? `Request ${root} must be a JSON object`
            : `Input should be a valid ${describeType(String(params['type']))}`,
        type: `${String(params['type']).split(',')[0]}_type`,
      };
    case 'minLength':
      return {
        loc: [root, ...path],
        msg: `String should have at least ${String(params['limit'])} character${params['limit'] === 1 ? '' : 's'}`,
        type: 'string_too_short',
      };
    case 'maxLength':
      return {
        loc: [root, ...path],
        msg: `String should have at most ${String(params['limit'])} characters`,
        type: 'string_too_long',
      };
    case 'maxItems':
      return {
        loc: [root, ...path],
        msg: `List should have at most ${String(params['limit'])} items`,
        type: 'too_long',
      };
    case 'minimum':
    case 'maximum':
      return {
        loc: [root, ...path],
        msg: `Input should be ${error.keyword === 'minimum' ? 'greater than or equal to' : 'less than or equal to'} ${String(params['limit'])}`,
        type: error.keyword === 'minimum' ? 'greater_than_equal' : 'less_than_equal',
      };
    case 'const':
    case 'enum':
      return {
        loc: [root, ...path],
        msg: `Input should be ${describeAllowed(params)}`,
        type: 'enum',
      };
    default:
      return { loc: [root, ...path], msg: error.message ?? 'Invalid value', type: error.keyword };
  }
}

function describeType(type: string): string {
  const names: Record<string, string> = {
    string: 'string',
    object: 'JSON object',
    array: 'list',
    integer: 'integer',
    number: 'number',
    boolean: 'boolean',
    null: 'null',
  };
  return type
    .split(',')
    .map((part) => names[part] ?? part)
    .join(' or ');
}

function describeAllowed(params: Record<string, unknown>): string {
  const allowed = params['allowedValues'] ?? [params['allowedValue']];
  return (allowed as unknown[]).map((value) => JSON.stringify(value)).join(' or ');
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A union failing gives one error per branch; keep the first per location. */
function dedupeByLocation(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue.loc);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
