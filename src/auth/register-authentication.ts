import type { FastifyInstance, FastifyReply } from 'fastify';
import type { KeyPrincipal, Principal } from './principal.ts';
import { ForbiddenError, UnauthorizedError } from './auth-errors.ts';
import { roleSatisfies } from './role.ts';

export interface AuthenticationOptions {
  /** `off`: every request is `{kind: 'open'}`; `required`: a valid API key on every other route. */
  readonly mode: 'required' | 'off';
  /** The key's principal, or null for anything that is not an active key. Must not throw on garbage. */
  authenticate(secret: string): Promise<Principal | null>;
  /**
   * Route paths reachable without a key when auth is required, as registered (`/health`,
   * `/docs`, `/openapi.json`). An entry also covers the routes registered under it (`/docs/…`).
   */
  readonly publicRoutes: readonly string[];
  /**
   * Counts the key's request, throwing past its limit (429). Called as soon as the key is known,
   * before role checks and before the body is read, so every request a key sends counts.
   */
  readonly limitKeyRequests?: (principal: KeyPrincipal, reply: FastifyReply) => Promise<void>;
}

const OPEN: Principal = Object.freeze({ kind: 'open' });
const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/** Methods that read; a viewer key may use nothing else. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 7235 §2.1). */
const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The one gate every route passes through: decides `request.principal` before anything else runs,
 * throws the 401/403 (the one error handler answers them), and refuses a query, body or path `org_id` naming another org than the
 * key's. Register it on the root instance, before the routes, so no route can opt out by accident.
 *
 * Public routes and CORS preflights (`OPTIONS`, which browsers send without credentials) get the
 * `anonymous` principal, which can see no org's data.
 */
export function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  // Every request is given its principal by the first hook below, before any handler runs.
  app.decorateRequest('principal');

  if (options.mode === 'off') {
    app.addHook('onRequest', (request, _reply, done) => {
      request.principal = OPEN;
      done();
    });
    return;
  }

  const isPublic = publicRouteMatcher(options.publicRoutes);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || isPublic(request.routeOptions.url)) {
      request.principal = ANONYMOUS;
      return;
    }
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw unauthorized(reply, 'An API key is required: send "Authorization: Bearer <key>".');
    }
    const token = BEARER.exec(header)?.[1];
    // Never echo what was sent: a mistyped key is still mostly a key.
    const principal = token === undefined ? null : await options.authenticate(token);
    if (principal === null) {
      throw unauthorized(reply, 'The API key is malformed, unknown, revoked or expired.', true);
    }
    request.principal = principal;
    if (principal.kind !== 'key') return;
    await options.limitKeyRequests?.(principal, reply);
    if (principal.role === 'viewer' && !READ_METHODS.has(request.method)) {
      throw new ForbiddenError('A viewer key may only read (GET and HEAD).');
    }
    const requiredRole = request.routeOptions.config.requiredRole;
    if (requiredRole !== undefined && !roleSatisfies(principal.role, requiredRole)) {
      throw new ForbiddenError(`This route needs an ${requiredRole} key.`);
    }
  });

  // After validation, so query strings are parsed and bodies checked. Routes still scope every
  // query with `orgFilterFor`; this catches a foreign `org_id` even on a route that forgets to.
  app.addHook('preHandler', (request, _reply, done) => {
    const principal = request.principal;
    if (principal.kind === 'key') {
      for (const part of [request.query, request.body, request.params]) {
        const requested = requestedOrgId(part);
        if (requested !== undefined && requested !== principal.orgId) {
          done(new ForbiddenError('This API key may not act on another org.'));
          return;
        }
      }
    }
    done();
  });
}

function publicRouteMatcher(publicRoutes: readonly string[]) {
  const roots = publicRoutes.map((route) => route.replace(/\/+$/, ''));
  return (routeUrl: string | undefined): boolean =>
    routeUrl !== undefined &&
    roots.some((root) => routeUrl === root || routeUrl.startsWith(`${root}/`));
}

/** The top-level `org_id` of a query, body or params object; anything present counts. */
function requestedOrgId(part: unknown): unknown {
  if (typeof part !== 'object' || part === null || Array.isArray(part)) return undefined;
  return Object.hasOwn(part, 'org_id') ? (part as Record<string, unknown>)['org_id'] : undefined;
}

/** The 401 to throw, after setting the challenge the error handler's reply will carry. */
function unauthorized(
  reply: FastifyReply,
  message: string,
  invalidToken = false,
): UnauthorizedError {
  // RFC 6750 §3: the challenge names the scheme, and `invalid_token` when one was presented.
  void reply.header(
    'www-authenticate',
    invalidToken ? 'Bearer realm="prompter", error="invalid_token"' : 'Bearer realm="prompter"',
  );
  return new UnauthorizedError(message);
}
