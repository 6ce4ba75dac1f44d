import type { AuditLogRow } from './audit.table.ts';

/** The administrative actions Prompter records; add one here before recording it. */
export const auditActions = [
  'key.created',
  'key.revoked',
  'template.deleted',
  'template.restored',
  'budget.updated',
  'batch.created',
  'batch.cancelled',
  'schedule.created',
  'schedule.updated',
  'schedule.deleted',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** One recorded administrative action. */
export interface AuditEntry {
  readonly id: string;
  readonly orgId: string;
  /** An API key id, `cli:<user>`, or `anonymous` (auth off). */
  readonly actor: string;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

export function auditEntryFromRow(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    orgId: row.org_id,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}
