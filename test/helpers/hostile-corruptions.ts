// One field of a valid body, corrupted: every way the hostile-input suite breaks a field, as the
// JSON text put in its place, with what a correct server answers. Anything the parser refuses
// (NUL, lone surrogates, non-finite numbers, NaN, deep nesting) is refused in every field.
import type { Expectation } from './hostile-probe.ts';
import { acceptsType, wrongTypeValues, type FieldShape } from './hostile-schema.ts';
import {
  DEEP_NESTING_LEVELS,
  HOSTILE_TEXT,
  HUGE_INTEGER,
  NON_FINITE_NUMBERS,
  NOT_JSON_NUMBERS,
  deeplyNestedArrays,
} from './hostile-values.ts';

export interface Corruption {
  readonly label: string;
  /** JSON text put in place of the field's value; null removes the field. */
  readonly fragment: string | null;
  readonly expect: Expectation;
}

const PLACEHOLDER = '__hostile_fragment_7f3c__';

/** `base` as JSON text with `field` replaced by a raw JSON fragment (or removed). */
export function bodyWith(
  base: Readonly<Record<string, unknown>>,
  field: string,
  fragment: string | null,
): string {
  const body: Record<string, unknown> = { ...base };
  if (fragment === null) {
    delete body[field];
    return JSON.stringify(body);
  }
  body[field] = PLACEHOLDER;
  return JSON.stringify(body).replace(`"${PLACEHOLDER}"`, () => fragment);
}

/** What a field answers to a string: legitimate text is stored (2xx), anything else a 422. */
export function expectationForText(shape: FieldShape, text: string): Expectation {
  if (!shape.types.has('string')) return 422;
  if (shape.enumValues !== null) return shape.enumValues.includes(text) ? 'not-5xx' : 422;
  const length = [...text].length;
  if (length < shape.minLength || length > (shape.maxLength ?? Infinity)) return 422;
  return 'not-5xx';
}

export function corruptionsOf(shape: FieldShape, required: boolean): Corruption[] {
  const json = (value: unknown) => JSON.stringify(value);
  const mapsTo = (value: unknown): Expectation =>
    shape.types.has('object') && (shape.values === null || acceptsType(shape.values, value))
      ? 'not-5xx'
      : 422;
  const corruptions: Corruption[] = [
    ...wrongTypeValues(shape).map((value) => ({
      label: `wrong type ${json(value)}`,
      fragment: json(value),
      expect: 422 as const,
    })),
    ...(required ? [{ label: 'missing', fragment: null, expect: 422 as const }] : []),
    { label: 'NUL in text', fragment: json('a\u0000b'), expect: 422 },
    { label: 'NUL in a key', fragment: json({ 'k\u0000': 'v' }), expect: 422 },
    { label: 'NUL in an item', fragment: json(['\u0000']), expect: 422 },
    { label: 'lone high surrogate', fragment: json('\ud800'), expect: 422 },
    { label: 'lone low surrogate after text', fragment: json('x\udfff'), expect: 422 },
    { label: 'lone surrogate in a key', fragment: json({ '\udc00': 1 }), expect: 422 },
    ...NON_FINITE_NUMBERS.flatMap((token) => [
      { label: `non-finite ${token}`, fragment: token, expect: 422 as const },
      { label: `non-finite ${token} nested`, fragment: `{"x":[${token}]}`, expect: 422 as const },
    ]),
    ...NOT_JSON_NUMBERS.map((token) => ({
      label: `${token} token`,
      fragment: token,
      expect: 400 as const,
    })),
    {
      label: `nested ${DEEP_NESTING_LEVELS} deep`,
      fragment: deeplyNestedArrays(DEEP_NESTING_LEVELS),
      expect: 400,
    },
    {
      label: 'huge integer',
      fragment: HUGE_INTEGER,
      expect: acceptsType(shape, 1) ? 'not-5xx' : 422,
    },
    {
      label: 'huge integer nested',
      fragment: `{"x":${HUGE_INTEGER}}`,
      expect: mapsTo(1),
    },
    {
      label: 'SQL- and path-shaped keys',
      fragment: '{"\' or 1=1 --":"../../etc/passwd","__proto__":"x","constructor":"y"}',
      expect: mapsTo('text'),
    },
    ...HOSTILE_TEXT.map((text) => ({
      label: `text ${json(text)}`,
      fragment: json(text),
      expect: expectationForText(shape, text),
    })),
  ];
  if (shape.types.has('string') && shape.maxLength !== null) {
    corruptions.push({
      label: `${shape.maxLength + 1} characters`,
      fragment: json('x'.repeat(shape.maxLength + 1)),
      expect: 422,
    });
  }
  if (shape.types.has('string') && shape.minLength > 0) {
    corruptions.push({ label: 'empty text', fragment: '""', expect: 422 });
  }
  return corruptions;
}
