import type { Principal } from '../auth/principal.ts';

/** Who the audit log names for a request: the key's id, or `anonymous` when no key was used. */
export function auditActor(principal: Principal): string {
  return principal.kind === 'key' ? principal.keyId : 'anonymous';
}
