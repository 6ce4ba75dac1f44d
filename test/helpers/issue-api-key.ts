import type { Role } from '../../src/auth/role.ts';
import { createAuditService } from '../../src/audit/audit.service.ts';
import { systemRuntime } from '../../src/core/runtime-deps.ts';
import { createKeysService } from '../../src/keys/keys.service.ts';
import type { TestApp } from './build-test-app.ts';

/** A real API key for `orgId`, made the way `prompter keys create` makes one; returns the secret. */
export async function issueApiKey(testApp: TestApp, orgId: string, role: Role): Promise<string> {
  const db = testApp.database.db;
  const keys = createKeysService({
    db,
    runtime: systemRuntime,
    audit: createAuditService({ db, runtime: systemRuntime }),
  });
  const created = await keys.createApiKey({
    orgId,
    role,
    name: null,
    createdBy: 'cli:test',
    expiresAt: null,
  });
  return created.secret;
}
