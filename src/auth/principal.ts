import type { Role } from './role.ts';

/** A request authenticated by an API key: it acts for exactly one org, with the key's role. */
export interface KeyPrincipal {
  readonly kind: 'key';
  readonly keyId: string;
  readonly orgId: string;
  readonly role: Role;
}

/**
 * Who is calling, as `registerAuthentication` decided before any handler runs:
 * - `key`: auth is required and a valid API key was presented;
 * - `open`: auth is off, so the caller may name any org and acts as an admin;
 * - `anonymous`: auth is required but the route is public (health, docs) or a CORS preflight;
 *   it may see no org's data.
 */
export type Principal = KeyPrincipal | { readonly kind: 'open' } | { readonly kind: 'anonymous' };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** The least role a route accepts when auth is on, e.g. `{ requiredRole: 'admin' }`. */
    requiredRole?: Role;
  }
}
