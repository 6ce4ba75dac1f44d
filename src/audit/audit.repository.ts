import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { AuditLogRow, AuditLogTable } from './audit.table.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';

export async function insertAuditEntry(
  db: DatabaseExecutor,
  row: Insertable<AuditLogTable>,
): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditPageQuery {
  readonly orgId: string;
  readonly limit: number;
  readonly after: PagePosition | undefined;
}

/** One org's entries newest first; one row more than the page, to tell whether more follow. */
export async function listAuditPage(
  db: DatabaseExecutor,
  query: AuditPageQuery,
): Promise<AuditLogRow[]> {
  return auditPageQuery(db, query).execute();
}

/** The query behind {@link listAuditPage}, unexecuted (tests read its plan). */
export function auditPageQuery(db: DatabaseExecutor, query: AuditPageQuery) {
  let select = db.selectFrom('audit_log').selectAll().where('org_id', '=', query.orgId);
  if (query.after !== undefined) select = select.where(beyondPagePosition(query.after, 'newest'));
  return select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
}
