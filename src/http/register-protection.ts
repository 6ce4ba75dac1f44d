import cors from '@fastify/cors';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';
import type { SecuritySettings } from '../config/app-config.ts';

/**
 * helmet's defaults, except that CSP's `upgrade-insecure-requests` is sent only behind TLS (a
 * `PROMPTER_PUBLIC_URL` starting with https): on a plain-HTTP host other than localhost it makes
 * browsers fetch `/docs`' scripts and styles over https, which fails, and the page stays blank.
 */
export function securityHeaderOptions(publicUrl: string | null): HelmetOptions {
  const behindTls = publicUrl !== null && publicUrl.toLowerCase().startsWith('https:');
  return behindTls
    ? {}
    : { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };
}

/**
 * Security headers (helmet's defaults; its CSP works with Swagger UI) and CORS only for the
 * configured origins. Register before authentication, so even a 401 carries the headers. (The
 * per-key rate limit runs inside the auth gate: `src/rate-limit/`.)
 */
export async function registerProtection(
  app: FastifyInstance,
  security: SecuritySettings,
): Promise<void> {
  // helmet's middleware built once; @fastify/helmet rebuilt it on every request (~5 % of a
  // check-duplicate request, docs/performance.md).
  const applySecurityHeaders = helmet(securityHeaderOptions(security.publicUrl));
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  if (security.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...security.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
}
