import { canSee } from '../auth/can-see.ts';
import type { Principal } from '../auth/principal.ts';
import { NotFoundError, ValidationError } from '../core/app-error.ts';
import { isUuid } from '../core/is-uuid.ts';
import { parseIsoTimestamp } from '../core/parse-iso-timestamp.ts';
import { decodePageCursor, PAGE_MAX_BYTES, pageOf } from '../core/page-cursor.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { TemplatesService } from '../templates/templates.service.ts';
import { resultFromRow, type Result } from './result.ts';
import type { ExportFormat } from './results-export.ts';
import { streamExport } from './stream-export.ts';
import { findResultById, listResultsPage, type ResultFilters } from './results.repository.ts';

/** The filters a caller may set; the template comes from the path. */
export type ResultQuery = Omit<ResultFilters, 'templateId'>;

export interface ResultsServiceDeps {
  readonly db: DatabaseExecutor;
  readonly templates: TemplatesService;
}

/** Reading the audit trail: one record, pages of a template's results, streamed exports. */
export function createResultsService(deps: ResultsServiceDeps) {
  const { db, templates } = deps;

  async function filtersFor(
    templateId: string,
    caller: Principal,
    query: ResultQuery,
  ): Promise<ResultFilters> {
    const template = await templates.getTemplate(templateId, caller);
    return {
      templateId: template.id,
      country: query.country,
      versionId: query.versionId,
      providerVersionKey: query.providerVersionKey,
      status: query.status,
      from: query.from === undefined ? undefined : normalizeTimestamp(query.from, 'from'),
      to: query.to === undefined ? undefined : normalizeTimestamp(query.to, 'to'),
    };
  }

  return {
    async getResult(id: string, caller: Principal): Promise<Result> {
      const row = isUuid(id) ? await findResultById(db, id.toLowerCase()) : undefined;
      if (row === undefined || !canSee(caller, row.org_id))
        throw new NotFoundError('Result not found');
      return resultFromRow(row);
    },

    async listResults(
      templateId: string,
      caller: Principal,
      query: ResultQuery,
      page: { limit: number; cursor: string | undefined },
    ): Promise<{ items: Result[]; nextCursor: string | null }> {
      const filters = await filtersFor(templateId, caller, query);
      const after = page.cursor === undefined ? undefined : decodePageCursor(page.cursor);
      const { rows, more } = await listResultsPage(db, filters, {
        limit: page.limit,
        maxBytes: PAGE_MAX_BYTES,
        after,
        order: 'newest',
      });
      return pageOf(rows.map(resultFromRow), more);
    },

    /**
     * Every matching result, oldest first, as CSV or JSON Lines text, streamed (see
     * {@link streamExport}). The template is checked before the first byte is sent, so an unknown
     * id is still a clean 404.
     */
    async exportResults(
      templateId: string,
      caller: Principal,
      query: ResultQuery,
      format: ExportFormat,
    ): Promise<AsyncIterable<Buffer>> {
      const filters = await filtersFor(templateId, caller, query);
      return streamExport(db, filters, format);
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;

/** An ISO-8601 date or date-time, as fixed-width UTC text like the stored values; else a 422. */
function normalizeTimestamp(value: string, field: string): string {
  const timestamp = parseIsoTimestamp(value);
  if (timestamp === null) {
    throw new ValidationError([
      {
        loc: ['query', field],
        msg: `Expected a real ISO-8601 date or date-time (years 0000–9999) such as 2026-11-23T00:00:00Z, got "${value}"`,
        type: 'datetime_parsing',
      },
    ]);
  }
  return timestamp;
}
