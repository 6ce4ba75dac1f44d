import { ForbiddenError, UnauthorizedError } from './auth-errors.ts';
import type { Principal } from './principal.ts';

/** The org of a request that names none while auth is off (docs/api-contract.md §1). */
export const DEFAULT_ORG_ID = 'default';

/**
 * The org a request may act on. With a key it is always the key's org, and naming another org
 * (a body or query `org_id`) is a 403 rather than a silent switch; with auth off it is the
 * requested org, or "default". Anonymous callers (public routes) have no org at all.
 */
export function orgFilterFor(principal: Principal, requestedOrgId?: string): string {
  switch (principal.kind) {
    case 'key':
      if (requestedOrgId !== undefined && requestedOrgId !== principal.orgId) {
        throw new ForbiddenError('This API key may not act on another org.');
      }
      return principal.orgId;
    case 'open':
      return requestedOrgId ?? DEFAULT_ORG_ID;
    case 'anonymous':
      throw new UnauthorizedError('An API key is required.');
  }
}
