// Turns the documented routes and the hostile catalogue into requests, one sweep per kind of
// input: path ids, whole bodies (malformed, not objects, oversized, wrong media type), one
// corrupted field at a time, query parameters. Labels never contain ids.
import fc from 'fast-check';
import { corruptionsOf, bodyWith, expectationForText } from './hostile-corruptions.ts';
import type { Expectation, HostileRequest } from './hostile-probe.ts';
import {
  fillPath,
  neverWrites,
  readsBody,
  type DocumentedParameter,
  type DocumentedRoute,
} from './hostile-routes.ts';
import { bodyArbitrary, shapeOf, type FieldShape } from './hostile-schema.ts';
import {
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_TEXT,
  JSON_CONTENT_TYPE_SPELLINGS,
  NON_OBJECT_BODIES,
  UNREADABLE_BODIES,
  UNREADABLE_CONTENT_TYPES,
  encodeCursor,
} from './hostile-values.ts';

export interface RouteContext {
  /** An id that exists, for a path parameter (`template_id`, `result_id`). */
  readonly realSegment: (name: string) => string;
  /** A valid body for the route, fresh on every call (e.g. a new workspace id). */
  readonly validBody: (route: DocumentedRoute) => Record<string, unknown>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A valid body from the route's schema, for routes no test knows by name. */
export function sampleBody(route: DocumentedRoute): Record<string, unknown> {
  if (route.bodySchema === null) return {};
  return fc.sample(bodyArbitrary(route.bodySchema), { seed: 1, numRuns: 1 })[0] ?? {};
}

function request(
  route: DocumentedRoute,
  context: RouteContext,
  label: string,
  expect: Expectation,
  extra: Partial<HostileRequest> = {},
): HostileRequest {
  const withBody =
    route.bodySchema !== null
      ? { payload: JSON.stringify(context.validBody(route)), headers: JSON_HEADERS }
      : {};
  return {
    label: `${route.path} ${label}`,
    method: route.method,
    url: fillPath(route, context.realSegment),
    expect,
    neverWrites: neverWrites(route),
    ...withBody,
    ...extra,
  };
}

/** The route as a legitimate caller uses it: real ids, a valid body. */
export function validRequest(route: DocumentedRoute, context: RouteContext): HostileRequest {
  return request(route, context, '[valid]', 'not-5xx');
}

/** Every path parameter of every route, replaced by each hostile id (others stay real). */
export function pathIdCases(routes: readonly DocumentedRoute[], context: RouteContext) {
  return routes.flatMap((route) =>
    route.pathParameters.flatMap((parameter) => [
      request(route, context, `[${parameter}: real]`, 'not-5xx'),
      ...HOSTILE_PATH_SEGMENTS.map((variant) =>
        request(route, context, `[${parameter}: ${variant.label}]`, variant.expect, {
          url: fillPath(route, (name) =>
            name === parameter ? variant.segment : context.realSegment(name),
          ),
        }),
      ),
    ]),
  );
}

/** Bodies broken as a whole, at every route that reads one; GET routes must ignore them. */
export function wholeBodyCases(
  routes: readonly DocumentedRoute[],
  context: RouteContext,
  bodyLimitBytes: number,
): HostileRequest[] {
  const oversized = `{"pad":"${'x'.repeat(bodyLimitBytes)}"}`;
  return routes.flatMap((route) => {
    const reads = readsBody(route);
    const json = (label: string, payload: string | Buffer, expect: Expectation) =>
      request(route, context, label, reads ? expect : 'not-5xx', {
        payload,
        headers: JSON_HEADERS,
      });
    const valid = JSON.stringify(context.validBody(route));
    return [
      ...UNREADABLE_BODIES.map((body) => json(body.label, body.payload, body.expect)),
      ...NON_OBJECT_BODIES.map((text) =>
        json(`non-object body ${text}`, text, route.bodySchema === null ? 'not-5xx' : 422),
      ),
      json(`body over ${bodyLimitBytes} bytes`, oversized, 413),
      ...UNREADABLE_CONTENT_TYPES.map((type) =>
        request(route, context, `content-type ${JSON.stringify(type)}`, reads ? 415 : 'not-5xx', {
          payload: valid,
          headers: { 'content-type': type },
        }),
      ),
      ...JSON_CONTENT_TYPE_SPELLINGS.map((type) =>
        request(route, context, `content-type ${JSON.stringify(type)}`, 'not-5xx', {
          payload: JSON.stringify(context.validBody(route)),
          headers: { 'content-type': type },
        }),
      ),
    ];
  });
}

/** Each field of each body, corrupted every way `corruptionsOf` knows, the rest valid. */
export function fieldCases(
  routes: readonly DocumentedRoute[],
  context: RouteContext,
): HostileRequest[] {
  return routes.flatMap((route) => {
    const schema = route.bodySchema;
    if (schema?.properties === undefined) return [];
    return Object.entries(schema.properties).flatMap(([field, fieldSchema]) =>
      corruptionsOf(shapeOf(fieldSchema), schema.required?.includes(field) ?? false).map(
        (corruption) =>
          request(route, context, `${field}: ${corruption.label}`, corruption.expect, {
            payload: bodyWith(context.validBody(route), field, corruption.fragment),
          }),
      ),
    );
  });
}

interface QueryValue {
  readonly label: string;
  /** As it goes on the wire. */
  readonly encoded: string;
  /** As the server decodes it, to decide the expectation. */
  readonly decoded: string;
  /** When the decoded value alone does not decide it (cursors). */
  readonly expect?: Expectation;
}

const text = (value: string, label = JSON.stringify(value)): QueryValue => ({
  label,
  encoded: encodeURIComponent(value),
  decoded: value,
});

const QUERY_VALUES: readonly QueryValue[] = [
  ...HOSTILE_TEXT.map((value) => text(value)),
  text('a\u0000b'),
  text('x'.repeat(10_000), '10,000 characters'),
  ...['-1', '0', '1', '500', '501', '1.5', '1e400', '99999999999999999999', 'NaN', ''].map((v) =>
    text(v),
  ),
  ...['true', 'false', 'null', '[object Object]', 'csv', 'jsonl'].map((v) => text(v)),
  { label: 'lone surrogate, encoded', encoded: '%ED%A0%80', decoded: '\ufffd' },
  { label: 'broken percent-encoding', encoded: '%zz%', decoded: '%zz%' },
];

/** Cursors are base64url of JSON: well-formed ones that decode to hostile positions. */
const CURSOR_VALUES: readonly QueryValue[] = (
  [
    [['\u0000', 'x'], 422],
    [['2026-01-01T00:00:00.000Z', 'a\u0000'], 422],
    [["' or 1=1 --", "' or 1=1 --"], 'not-5xx'],
    [['../../etc/passwd', '%00'], 'not-5xx'],
    [[1, 2], 422],
    [{}, 422],
  ] as const
).map(([value, expect]) => ({
  label: `cursor of ${JSON.stringify(value)}`,
  encoded: encodeCursor(value),
  decoded: encodeCursor(value),
  expect,
}));

/** What a query parameter answers to a decoded value. */
export function expectationForQuery(shape: FieldShape, value: string): Expectation {
  if (value.includes('\u0000')) return 422;
  if (shape.types.has('string')) return expectationForText(shape, value);
  if (shape.types.has('integer') || shape.types.has('number')) {
    const number = Number(value);
    const inRange =
      value.trim() !== '' &&
      Number.isFinite(number) &&
      (shape.types.has('number') || Number.isInteger(number)) &&
      number >= (shape.minimum ?? -Infinity) &&
      number <= (shape.maximum ?? Infinity);
    return inRange ? 'not-5xx' : 422;
  }
  if (shape.types.has('boolean')) return value === 'true' || value === 'false' ? 'not-5xx' : 422;
  return 'not-5xx';
}

/** Each query parameter of each route: hostile values, and the parameter given twice. */
export function queryCases(
  routes: readonly DocumentedRoute[],
  context: RouteContext,
): HostileRequest[] {
  return routes.flatMap((route) =>
    route.query.flatMap((parameter: DocumentedParameter) => {
      const shape = shapeOf(parameter.schema);
      const base = fillPath(route, context.realSegment);
      const at = (query: string, label: string, expect: Expectation) =>
        request(route, context, `?${parameter.name}=${label}`, expect, {
          url: `${base}?${query}`,
        });
      const values =
        parameter.name === 'cursor' ? [...QUERY_VALUES, ...CURSOR_VALUES] : QUERY_VALUES;
      return [
        ...values.map((value) =>
          at(
            `${parameter.name}=${value.encoded}`,
            value.label,
            value.expect ?? expectationForQuery(shape, value.decoded),
          ),
        ),
        at(`${parameter.name}=1&${parameter.name}=2`, 'given twice', 422),
        at(`${parameter.name}%00=1`, 'NUL in the name', 422),
      ];
    }),
  );
}
