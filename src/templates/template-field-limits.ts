import type { TemplateConfig } from '../core/canonical/template-config.ts';
import { ValidationError, type ValidationIssue } from '../core/app-error.ts';
import { isJsonObject, stringifyLosslessJson, type JsonValue } from '../core/json/lossless-json.ts';

export interface JsonFieldLimit {
  /** UTF-8 bytes of the field as stored: compact JSON, number lexemes as sent. */
  readonly maxBytes: number;
  /** Nesting levels of objects and arrays: `{}` is 1, `{"a": []}` is 2. */
  readonly maxDepth: number;
}

/**
 * What a template's JSON fields may hold (README "Template limits"). Every result's stored
 * request copies these fields, so they also bound what one run can store: without them a
 * two-byte run body stored a megabyte. The limits apply to create and check-duplicate; the
 * offline `prompter hash` command keeps hashing whatever the reference hashes.
 */
export const TEMPLATE_FIELD_LIMITS = {
  inference_params: { maxBytes: 16 * 1024, maxDepth: 8 },
  tools_spec: { maxBytes: 64 * 1024, maxDepth: 32 },
  response_format: { maxBytes: 64 * 1024, maxDepth: 32 },
  retrieval_params: { maxBytes: 16 * 1024, maxDepth: 8 },
} as const satisfies Record<string, JsonFieldLimit>;

type LimitedField = keyof typeof TEMPLATE_FIELD_LIMITS;

/** Throws one 422 naming every field over its limit, and the limit. */
export function checkTemplateFieldLimits(config: TemplateConfig): void {
  const values: Record<LimitedField, JsonValue | null> = {
    inference_params: config.inferenceParams,
    tools_spec: config.toolsSpec === null ? null : [...config.toolsSpec],
    response_format: config.responseFormat,
    retrieval_params: config.retrievalParams,
  };
  const issues: ValidationIssue[] = [];
  for (const field of Object.keys(TEMPLATE_FIELD_LIMITS) as LimitedField[]) {
    const value = values[field];
    if (value === null) continue;
    const limit = TEMPLATE_FIELD_LIMITS[field];
    // Depth first: it also keeps the serialisation below from walking a pathological value.
    if (exceedsDepth(value, limit.maxDepth)) {
      issues.push({
        loc: ['body', field],
        msg: `${field} is nested more than ${limit.maxDepth} levels deep; the limit is ${limit.maxDepth}`,
        type: 'too_deep',
      });
      continue;
    }
    const bytes = Buffer.byteLength(stringifyLosslessJson(value), 'utf8');
    if (bytes > limit.maxBytes) {
      issues.push({
        loc: ['body', field],
        msg: `${field} is ${bytes} bytes as compact JSON; the limit is ${limit.maxBytes} bytes`,
        type: 'too_long',
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** True when `value` nests objects and arrays more than `maxDepth` levels; stops as soon as it knows. */
function exceedsDepth(value: JsonValue, maxDepth: number): boolean {
  const children = Array.isArray(value)
    ? value
    : isJsonObject(value)
      ? Object.values(value)
      : undefined;
  if (children === undefined) return false;
  if (maxDepth === 0) return true;
  return children.some((child) => exceedsDepth(child, maxDepth - 1));
}
