import { decodePageCursor, PAGE_MAX_BYTES, pageOf } from '../core/page-cursor.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import { auditEntryFromRow, type AuditAction, type AuditEntry } from './audit-entry.ts';
import { insertAuditEntry, listAuditPage } from './audit.repository.ts';

export interface AuditRecord {
  readonly orgId: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** Plain facts about the action. Never a secret: the log is readable through the API. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditListQuery {
  readonly orgId: string;
  readonly limit: number;
  readonly cursor: string | undefined;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  readonly nextCursor: string | null;
}

export interface AuditServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
}

/** The append-only log of administrative actions (issue 5). */
export function createAuditService(deps: AuditServiceDeps) {
  const { db, runtime } = deps;
  return {
    /**
     * Appends one entry. Pass the transaction that makes the change, so the change and its entry
     * commit or roll back together.
     */
    async record(entry: AuditRecord, executor: DatabaseExecutor = db): Promise<AuditEntry> {
      const row = {
        id: runtime.newId(),
        org_id: entry.orgId,
        actor: entry.actor,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        details: JSON.stringify(entry.details ?? {}),
        created_at: runtime.now().toISOString(),
      };
      await insertAuditEntry(executor, row);
      return auditEntryFromRow(row);
    },

    /** One org's entries, newest first, a page at a time. */
    async list(query: AuditListQuery): Promise<AuditPage> {
      const { rows, more } = await listAuditPage(db, {
        orgId: query.orgId,
        limit: query.limit,
        maxBytes: PAGE_MAX_BYTES,
        after: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
      });
      return pageOf(rows.map(auditEntryFromRow), more);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
