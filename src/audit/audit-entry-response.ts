import type { AuditEntry } from './audit-entry.ts';
import type { AuditEntryResponse } from './audit.schemas.ts';

/** The wire form of an audit entry: one item of `GET /api/audit-log`. */
export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    org_id: entry.orgId,
    actor: entry.actor,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: entry.details,
    created_at: entry.createdAt,
  };
}
