// Reads the JSON Schemas of the OpenAPI document into what the hostile-input suite needs to know
// about a field: which JSON types it accepts, its length limits, what its items or values are.
// From that it builds valid values (fast-check arbitraries) and values of the wrong type.
import fc from 'fast-check';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

export interface FieldShape {
  readonly types: ReadonlySet<JsonType>;
  /** The allowed strings when the field is an enum; null for free text. */
  readonly enumValues: readonly string[] | null;
  readonly minLength: number;
  readonly maxLength: number | null;
  readonly minimum: number | null;
  readonly maximum: number | null;
  /** What an array holds, or an object maps to; null for anything. */
  readonly items: FieldShape | null;
  readonly values: FieldShape | null;
}

export interface JsonSchema {
  readonly type?: JsonType;
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

const ANY_TYPE: ReadonlySet<JsonType> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'object',
  'array',
]);

/** The shape of a schema, with `anyOf` branches merged (types united, limits widened). */
export function shapeOf(schema: JsonSchema): FieldShape {
  if (schema.anyOf !== undefined) return schema.anyOf.map(shapeOf).reduce(mergeShapes);
  const nested = (inner: JsonSchema | boolean | undefined) =>
    typeof inner === 'object' && Object.keys(inner).length > 0 ? shapeOf(inner) : null;
  return {
    types: schema.type === undefined ? ANY_TYPE : new Set([schema.type]),
    enumValues: schema.enum ?? null,
    minLength: schema.minLength ?? 0,
    maxLength: schema.maxLength ?? null,
    minimum: schema.minimum ?? null,
    maximum: schema.maximum ?? null,
    items: nested(schema.items),
    values: nested(schema.additionalProperties),
  };
}

function mergeShapes(left: FieldShape, right: FieldShape): FieldShape {
  const freeText = (shape: FieldShape) => shape.types.has('string') && shape.enumValues === null;
  const textBranches = [left, right].filter((shape) => shape.types.has('string'));
  return {
    types: new Set([...left.types, ...right.types]),
    enumValues: textBranches.some(freeText)
      ? null
      : textBranches.flatMap((shape) => shape.enumValues ?? []),
    minLength: Math.min(
      ...textBranches.map((shape) => shape.minLength),
      textBranches.length ? Infinity : 0,
    ),
    maxLength: textBranches.some((shape) => shape.maxLength === null)
      ? null
      : Math.max(0, ...textBranches.map((shape) => shape.maxLength ?? 0)),
    minimum: left.minimum ?? right.minimum,
    maximum: left.maximum ?? right.maximum,
    items: left.items ?? right.items,
    values: left.values ?? right.values,
  };
}

/** Whether a JSON value is of a type the shape accepts (enums and limits aside). */
export function acceptsType(shape: FieldShape, value: unknown): boolean {
  if (value === null) return shape.types.has('null');
  if (Array.isArray(value)) return shape.types.has('array');
  if (typeof value === 'number') {
    return shape.types.has('number') || (shape.types.has('integer') && Number.isInteger(value));
  }
  return shape.types.has(typeof value as JsonType);
}

const PLAIN_TEXT = fc
  .string({ unit: 'grapheme', maxLength: 24 })
  .filter((text) => !text.includes('\u0000'));

/** Valid values for a field: right type, within its limits, no NUL. */
export function valueArbitrary(shape: FieldShape | null): fc.Arbitrary<unknown> {
  if (shape === null) return fc.jsonValue({ maxDepth: 2 });
  const options: fc.Arbitrary<unknown>[] = [];
  for (const type of shape.types) {
    if (type === 'string') {
      options.push(
        shape.enumValues !== null
          ? fc.constantFrom(...shape.enumValues)
          : PLAIN_TEXT.filter(
              (text) =>
                text.length >= shape.minLength &&
                text.length <= (shape.maxLength ?? Infinity) &&
                text.trim() !== '',
            ),
      );
    } else if (type === 'number') {
      options.push(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
    } else if (type === 'integer') {
      options.push(fc.integer({ min: shape.minimum ?? -1000, max: shape.maximum ?? 1000 }));
    } else if (type === 'boolean') {
      options.push(fc.boolean());
    } else if (type === 'null') {
      options.push(fc.constant(null));
    } else if (type === 'array') {
      options.push(fc.array(valueArbitrary(shape.items), { maxLength: 3 }));
    } else {
      options.push(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), valueArbitrary(shape.values), {
          maxKeys: 3,
        }),
      );
    }
  }
  return fc.oneof(...options);
}

/** Valid bodies for an object schema: every required field, some of the optional ones. */
export function bodyArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, field]) => [name, valueArbitrary(shapeOf(field))]),
  );
  return fc.record(fields, { requiredKeys: [...(schema.required ?? [])] });
}

/** One value of each JSON type the field does not accept, and a string outside its enum. */
export function wrongTypeValues(shape: FieldShape): unknown[] {
  const candidates: unknown[] = [7, 1.5, true, 'text', {}, [], null];
  const wrong = candidates.filter((value) => !acceptsType(shape, value));
  if (shape.types.has('string') && shape.enumValues !== null) wrong.push('not-an-allowed-value');
  if (shape.types.has('array') && shape.items !== null) {
    wrong.push(
      ...wrongTypeValues(shape.items)
        .slice(0, 1)
        .map((item) => [item]),
    );
  }
  if (shape.types.has('object') && shape.values !== null) {
    wrong.push(
      ...wrongTypeValues(shape.values)
        .slice(0, 1)
        .map((value) => ({ key: value })),
    );
  }
  return wrong;
}
