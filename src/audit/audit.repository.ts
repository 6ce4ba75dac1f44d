import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { AuditLogRow, AuditLogTable } from './audit.table.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS, type PageBudget } from '../db/collect-page.ts';

export async function insertAuditEntry(
  db: DatabaseExecutor,
  row: Insertable<AuditLogTable>,
): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditPageQuery extends PageBudget {
  readonly orgId: string;
  readonly after: PagePosition | undefined;
}

/** One org's entries newest first, within the page's row and byte budget; whether more follow. */
export async function listAuditPage(
  db: DatabaseExecutor,
  query: AuditPageQuery,
): Promise<{ rows: AuditLogRow[]; more: boolean }> {
  return collectPage(auditPageQuery(db, query).stream(PAGE_STREAM_CHUNK_ROWS), query);
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
