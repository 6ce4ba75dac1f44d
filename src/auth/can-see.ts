import type { Principal } from './principal.ts';

/**
 * Whether a row of `orgId`, fetched by id, may be shown to this caller. Callers turn `false`
 * into the same 404 as an unknown id, so another org's ids do not even reveal that they exist.
 */
export function canSee(principal: Principal, orgId: string): boolean {
  switch (principal.kind) {
    case 'key':
      return principal.orgId === orgId;
    case 'open':
      return true;
    case 'anonymous':
      return false;
  }
}
