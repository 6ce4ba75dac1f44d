import type { Selectable } from 'kysely';

/**
 * `audit_log`: one row per administrative action, never updated or deleted. `details` is JSON
 * text; `created_at` ISO-8601 UTC text.
 */
export interface AuditLogTable {
  id: string;
  org_id: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  created_at: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;
