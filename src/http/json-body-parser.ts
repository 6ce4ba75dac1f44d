import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../core/app-error.ts';
import {
  JsonSyntaxError,
  UnrepresentableJsonError,
  parseLosslessJson,
  toPlainJson,
  type JsonValue,
} from '../core/json/lossless-json.ts';
import { findNulCharacter } from './find-nul-character.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The JSON body with every number's lexeme kept (`1` vs `1.0`, 20-digit integers): the
     * config hash needs them and `request.body` (plain JS numbers) has lost them.
     */
    losslessBody: JsonValue | undefined;
  }
}

// `ignoreBOM` keeps a leading U+FEFF in the text, so the JSON parser refuses it (a 400) instead of
// the decoder dropping it silently.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Replaces Fastify's JSON parser with one that keeps number lexemes, rejects invalid UTF-8 with a
 * 400, and rejects what neither database nor the reference hash can hold (lone surrogates,
 * non-finite numbers, NUL characters) with a 422 naming the field. An empty body is `{}`, so
 * routes whose fields are all optional accept no body at all.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.decorateRequest('losslessBody', undefined);
  // A request with no body at all (no content type) is `{}` too, for the same reason.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'DELETE') {
      request.body = {};
      request.losslessBody = {};
    }
    done();
  });
  // JSON is the only body Prompter reads; anything else (text/plain included) is a 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (
      request: FastifyRequest,
      body: Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      try {
        refuseUndecodedBody(request);
        const document = parseBody(body);
        request.losslessBody = document;
        done(null, toPlainJson(document));
      } catch (error) {
        done(error as Error);
      }
    },
  );
}

/**
 * A 415 for a body Prompter would have to decode first: any `Content-Encoding` (gzip, br, …; it
 * decodes none) or a charset other than UTF-8, the only encoding of JSON (RFC 8259 §8.1).
 */
function refuseUndecodedBody(request: FastifyRequest): void {
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Encoding "${encoding.slice(0, 64)}" is not supported: send the JSON body uncompressed.`,
    );
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(
    request.headers['content-type'] ?? '',
  )?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `charset "${charset.slice(0, 64)}" is not supported: JSON bodies must be UTF-8.`,
    );
  }
}

function parseBody(body: Buffer): JsonValue {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AppError('MALFORMED_JSON', 'Request body is not valid UTF-8.');
  }
  // Only JSON's own whitespace counts as "no body" (not U+FEFF and the like, which are a 400).
  if (/^[ \t\n\r]*$/.test(text)) return {};
  let document: JsonValue;
  try {
    document = parseLosslessJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new AppError('MALFORMED_JSON', `Request body is not valid JSON: ${error.message}`);
    }
    if (error instanceof UnrepresentableJsonError) {
      throw new ValidationError([
        { loc: ['body', ...error.path], msg: error.message, type: error.reason },
      ]);
    }
    throw error;
  }
  // Raw NUL is already a syntax error inside a JSON string, so only an escape can carry one.
  const nulPath = /\\u0000/i.test(text) ? findNulCharacter(document) : null;
  if (nulPath !== null) {
    throw new ValidationError([
      {
        loc: ['body', ...nulPath],
        msg: 'Text must not contain the NUL character (\\u0000)',
        type: 'nul_character',
      },
    ]);
  }
  return document;
}
