// The catalogue of hostile input the hostile-input suite throws at every route: text shaped like
// SQL or paths, malformed and non-object JSON, bytes that are not UTF-8, media types Prompter
// does not read. Each entry says what a correct server answers.
import type { Expectation } from './hostile-probe.ts';

/** Text that is only text: SQL- and path-shaped, markup, template syntax, odd Unicode. */
export const HOSTILE_TEXT: readonly string[] = [
  "' or 1=1 --",
  "'; drop table prompt_templates; --",
  '" or ""="',
  '1) union select secret_hash from api_keys --',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '${jndi:ldap://127.0.0.1/a}',
  '__proto__',
  '\u202eevil\u202c \u{1F600}\u{1F468}\u200D\u{1F469}',
];

/** Raw JSON number tokens no double holds (422) and tokens JSON does not have (400). */
export const NON_FINITE_NUMBERS: readonly string[] = ['1e400', '-1e999'];
export const NOT_JSON_NUMBERS: readonly string[] = ['NaN', 'Infinity', '-Infinity'];
/** Exact in the lossless parser, far beyond 2^53. */
export const HUGE_INTEGER = '123456789012345678901234567890123';

export const DEEP_NESTING_LEVELS = 5_000;
export const deeplyNestedArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
export const deeplyNestedObjects = (levels: number) =>
  '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

export interface HostileBody {
  readonly label: string;
  readonly payload: string | Buffer;
  /** What a route that reads a JSON body answers. */
  readonly expect: Expectation;
}

/** Bodies no route may accept, whatever its schema. */
export const UNREADABLE_BODIES: readonly HostileBody[] = [
  ...[
    '{',
    '{"a":}',
    "{'a':1}",
    '[1,]',
    '{"a":1,}',
    'tru',
    '{"a":1}}',
    '{"a":1} trailing',
    '{"a" 1}',
    '{"\\x":1}',
    '{"a":01}',
    '{"a":.5}',
    '{"a":1e}',
    '/* comment */ {}',
    '{"a":"raw\u0000nul"}',
    '\ufeff{}',
  ].map((text) => ({
    label: `malformed JSON ${JSON.stringify(text)}`,
    payload: text,
    expect: 400,
  })),
  ...NOT_JSON_NUMBERS.flatMap((token) => [
    { label: `bare ${token}`, payload: token, expect: 400 },
    { label: `${token} as a value`, payload: `{"a":${token}}`, expect: 400 },
  ]),
  ...NON_FINITE_NUMBERS.map((token) => ({
    label: `non-finite ${token}`,
    payload: `{"a":${token}}`,
    expect: 422,
  })),
  { label: 'lone surrogate at the top', payload: '"\\ud800"', expect: 422 },
  { label: 'NUL in a key', payload: '{"a\\u0000":1}', expect: 422 },
  {
    label: `arrays nested ${DEEP_NESTING_LEVELS} deep`,
    payload: deeplyNestedArrays(DEEP_NESTING_LEVELS),
    expect: 400,
  },
  {
    label: `objects nested ${DEEP_NESTING_LEVELS} deep`,
    payload: deeplyNestedObjects(DEEP_NESTING_LEVELS),
    expect: 400,
  },
  {
    label: 'invalid UTF-8 byte 0xFF',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
    expect: 400,
  },
  {
    label: 'overlong UTF-8 "/"',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
    expect: 400,
  },
  {
    label: 'UTF-8-encoded surrogate (CESU-8)',
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
    expect: 400,
  },
  { label: 'UTF-16LE JSON', payload: Buffer.from('{"a":1}', 'utf16le'), expect: 400 },
];

/** Well-formed JSON that is not an object: a 422 where a body schema exists. */
export const NON_OBJECT_BODIES: readonly string[] = ['null', '[]', '[{}]', '0', '"text"', 'true'];

/** Media types Prompter does not read (415), and spellings of JSON it does. */
export const UNREADABLE_CONTENT_TYPES: readonly (string | null)[] = [
  null,
  '',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/vnd.api+json',
  'application/jsonx',
];
export const JSON_CONTENT_TYPE_SPELLINGS: readonly string[] = [
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-8',
];

export interface HostilePathSegment {
  readonly label: string;
  /** Already URL-encoded where it must be; `../` stays raw to test the router too. */
  readonly segment: string;
  readonly expect: Expectation;
}

/** Ids no route may resolve: every one is a 404, or a 4xx where the URL itself is broken. */
export const HOSTILE_PATH_SEGMENTS: readonly HostilePathSegment[] = [
  { label: 'not a UUID', segment: 'not-a-uuid', expect: 404 },
  { label: 'unknown UUID', segment: '00000000-0000-4000-8000-000000000000', expect: 404 },
  { label: 'SQL-shaped', segment: encodeURIComponent("' or 1=1 --"), expect: 404 },
  { label: 'SQL-shaped, raw quote', segment: "1'or'1'='1", expect: 404 },
  { label: 'path-shaped, raw', segment: '../../etc/passwd', expect: 404 },
  { label: 'path-shaped, encoded', segment: '%2e%2e%2f%2e%2e%2fetc%2fpasswd', expect: 404 },
  { label: 'NUL', segment: '%00', expect: 404 },
  { label: 'NUL inside', segment: 'abc%00def', expect: 404 },
  { label: '2,000 characters', segment: 'a'.repeat(2_000), expect: 404 },
  { label: '5,000 characters', segment: 'a'.repeat(5_000), expect: 'rejected' },
  { label: 'lone surrogate, encoded', segment: '%ED%A0%80', expect: 'rejected' },
  { label: 'broken percent-encoding', segment: '%E0%A4%A', expect: 'rejected' },
];

/** A page cursor is base64url of JSON; these decode to positions no database may see. */
export const encodeCursor = (value: unknown) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
