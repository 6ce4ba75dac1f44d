import { auditActor } from '../audit/audit-actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { canSee } from '../auth/can-see.ts';
import type { Principal } from '../auth/principal.ts';
import type { Spend } from '../budgets/budget-status.ts';
import type { BudgetsService } from '../budgets/budgets.service.ts';
import { AppError, NotFoundError } from '../core/app-error.ts';
import { isUuid } from '../core/is-uuid.ts';
import { decodePageCursor, pageOf } from '../core/page-cursor.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import type { ProviderRegistry } from '../providers/provider-contract.ts';
import { renderPrompt } from '../runs/render-prompt.ts';
import type { Template } from '../templates/template.ts';
import type { TemplatesService } from '../templates/templates.service.ts';
import { resolveProvider } from '../providers/resolve-provider.ts';
import {
  batchCellFromRow,
  batchSpecFromRow,
  estimateRemainingSeconds,
  storedEstimateFromRow,
  type Batch,
  type BatchCell,
  type StoredEstimate,
} from './batch.ts';
import { batchCellCoordinates } from './batch-cell-coordinates.ts';
import type { BatchRequest } from './batch-request.ts';
import type { BatchSpec } from './batch-spec.ts';
import { batchStatusOf, isFinished, type BatchStatus } from './batch-status.ts';
import {
  cancelPendingCells,
  countCellsByStatus,
  findBatchById,
  findBatchByIdempotencyKey,
  insertBatch,
  insertCells,
  listBatchesPage,
  listCellsPage,
  listOpenBatches,
  markCancelRequested,
  sumBatchUsageByModel,
  updateBatchStatus,
} from './batches.repository.ts';
import type { BatchRow } from './batches.table.ts';
import { estimateBatchCost, roundUsd } from './estimate-batch-cost.ts';
import { decodeCellCursor, encodeCellCursor } from './cell-cursor.ts';
import { maxOutputTokens } from './max-output-tokens.ts';
import { normalizeBatchRequest } from './normalize-batch-request.ts';
import { findModelPrice, type PriceTable } from './price-table.ts';

export interface BatchesServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly templates: TemplatesService;
  readonly providers: ProviderRegistry;
  readonly prices: PriceTable;
  readonly budgets: BudgetsService;
  readonly audit: AuditService;
  /** Told after a batch and its cells are stored, so an engine can start it. */
  readonly onBatchCreated: (batchId: string) => void;
}

export interface CreateBatchInput {
  readonly templateId: string;
  readonly caller: Principal;
  readonly request: BatchRequest;
  /** `Idempotency-Key`: a retried POST with the same key and body answers the same batch. */
  readonly idempotencyKey: string | null;
  /** SHA-256 of the request body, compared when an idempotency key is reused. */
  readonly requestSha256: string;
  readonly scheduleId?: string | null;
}

export interface BatchEstimate {
  readonly spec: BatchSpec;
  readonly cells: number;
  readonly estimate: StoredEstimate;
  /** Retries can add calls: at most `cells × max_attempts` are ever sent. */
  readonly maxCalls: number;
}

/**
 * Batches: a template run over countries × models × samples. Every cell is stored before
 * anything runs (docs/api-contract.md §10); engines run them. This service creates, reads and
 * cancels; it never calls a provider.
 */
export function createBatchesService(deps: BatchesServiceDeps) {
  const { db, runtime, templates, providers, prices, budgets, audit } = deps;

  function estimateFor(template: Template, request: BatchRequest): BatchEstimate {
    const spec = normalizeFor(template, request);
    const promptCharacters = Math.max(
      ...spec.countries.map(
        (country) =>
          renderPrompt(template.userPromptTemplate, {
            runtimeVars: spec.runtimeVars as Record<string, string | number | boolean>,
            brandName: spec.brandName,
            country,
          }).length,
      ),
    );
    const systemCharacters = template.systemInstructions?.length ?? 0;
    const callsPerModel = spec.countries.length * spec.samples;
    const outputLimit = maxOutputTokens(template.inferenceParams ?? {});
    const estimate = estimateBatchCost({
      prices,
      models: spec.models.map((model) => ({
        modelId: model.modelId,
        calls: callsPerModel,
        promptCharacters: promptCharacters + systemCharacters,
        maxOutputTokens: outputLimit,
      })),
    });
    const cells = callsPerModel * spec.models.length;
    return { spec, cells, estimate, maxCalls: cells * spec.maxAttempts };
  }

  function normalizeFor(template: Template, request: BatchRequest): BatchSpec {
    return normalizeBatchRequest(
      request,
      {
        countrySet: template.countrySet,
        modelId: template.modelId,
        provider: resolveProvider(template),
      },
      (provider) => providers.has(provider),
    );
  }

  async function requireBatchRow(id: string, caller: Principal): Promise<BatchRow> {
    const row = isUuid(id) ? await findBatchById(db, id) : undefined;
    if (row === undefined || !canSee(caller, row.org_id))
      throw new NotFoundError('Batch not found');
    return row;
  }

  async function toBatch(row: BatchRow): Promise<Batch> {
    const [counts, usage] = await Promise.all([
      countCellsByStatus(db, row.id),
      sumBatchUsageByModel(db, row.id),
    ]);
    let cost = 0;
    let priced = false;
    for (const model of usage) {
      const price = findModelPrice(prices, model.modelId);
      if (price === null) continue;
      priced = true;
      cost +=
        (model.promptTokens * price.inputPerMillion +
          model.completionTokens * price.outputPerMillion) /
        1_000_000;
    }
    const status: BatchStatus = batchStatusOf(counts);
    return {
      id: row.id,
      orgId: row.org_id,
      workspaceId: row.workspace_id,
      templateId: row.template_id,
      scheduleId: row.schedule_id,
      status,
      spec: batchSpecFromRow(row),
      counts,
      possiblyBilledResends: usage.reduce((sum, model) => sum + model.possiblyBilledResends, 0),
      estimate: storedEstimateFromRow(row),
      actual: {
        calls: usage.reduce((sum, model) => sum + model.calls, 0),
        promptTokens: usage.reduce((sum, model) => sum + model.promptTokens, 0),
        completionTokens: usage.reduce((sum, model) => sum + model.completionTokens, 0),
        costUsd: priced ? roundUsd(cost) : null,
      },
      etaSeconds: isFinished(status)
        ? 0
        : estimateRemainingSeconds(counts, row.started_at, runtime.now()),
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      cancelRequestedAt: row.cancel_requested_at,
    };
  }

  /** What an org's queued and running batches are still expected to spend. */
  async function reservedSpend(orgId: string): Promise<Spend> {
    let calls = 0;
    let cost = 0;
    let priced = false;
    for (const row of await listOpenBatches(db, orgId)) {
      const counts = await countCellsByStatus(db, row.id);
      const share = counts.total === 0 ? 0 : (counts.pending + counts.running) / counts.total;
      const estimate = storedEstimateFromRow(row);
      calls += Math.ceil(estimate.calls * share);
      if (estimate.costUsd !== null) {
        priced = true;
        cost += estimate.costUsd * share;
      }
    }
    return { calls, costUsd: priced ? roundUsd(cost) : null };
  }

  async function existingForKey(input: CreateBatchInput, orgId: string): Promise<Batch | null> {
    if (input.idempotencyKey === null) return null;
    const row = await findBatchByIdempotencyKey(db, orgId, input.idempotencyKey);
    if (row === undefined) return null;
    if (row.template_id !== input.templateId || row.request_sha256 !== input.requestSha256) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used with another request; use a new key for a new batch.',
        { batch_id: row.id },
      );
    }
    return toBatch(row);
  }

  return {
    reservedSpend,

    async estimate(templateId: string, caller: Principal, request: BatchRequest) {
      const template = await templates.getActiveTemplate(templateId, caller);
      return { template, ...estimateFor(template, request) };
    },

    /** Creates the batch and all its cells in one transaction; `created` is false for a replay. */
    async createBatch(input: CreateBatchInput): Promise<{ batch: Batch; created: boolean }> {
      const template = await templates.getActiveTemplate(input.templateId, input.caller);
      const replay = await existingForKey(input, template.orgId);
      if (replay !== null) return { batch: replay, created: false };
      const { spec, cells, estimate } = estimateFor(template, input.request);
      await budgets.assertFits(template.orgId, estimate, reservedSpend);

      const batchId = runtime.newId();
      const createdAt = runtime.now().toISOString();
      try {
        await db.transaction().execute(async (transaction) => {
          await insertBatch(transaction, {
            id: batchId,
            org_id: template.orgId,
            workspace_id: template.workspaceId,
            template_id: template.id,
            status: 'queued',
            spec: JSON.stringify(spec),
            total: cells,
            concurrency: spec.concurrency,
            max_attempts: spec.maxAttempts,
            resend_interrupted: spec.resendInterrupted ? 1 : 0,
            estimate: JSON.stringify(estimate),
            idempotency_key: input.idempotencyKey,
            request_sha256: input.requestSha256,
            schedule_id: input.scheduleId ?? null,
            created_by: auditActor(input.caller),
            created_at: createdAt,
            started_at: null,
            finished_at: null,
            cancel_requested_at: null,
          });
          await insertCells(
            transaction,
            batchCellCoordinates(spec).map((cell) => ({
              id: runtime.newId(),
              batch_id: batchId,
              country: cell.country ?? '',
              provider: cell.model.provider,
              model_id: cell.model.modelId,
              sample_index: cell.sampleIndex,
              status: 'pending',
              attempts: 0,
              possibly_billed_resends: 0,
              next_attempt_at: createdAt,
              lease_owner: null,
              lease_expires_at: null,
              result_id: null,
              error: null,
              prompt_tokens: null,
              completion_tokens: null,
              updated_at: createdAt,
            })),
          );
          await audit.record(
            {
              orgId: template.orgId,
              actor: auditActor(input.caller),
              action: 'batch.created',
              targetType: 'batch',
              targetId: batchId,
              details: { template_id: template.id, cells, schedule_id: input.scheduleId ?? null },
            },
            transaction,
          );
        });
      } catch (error) {
        // Two requests with one Idempotency-Key raced: the first one's batch is the answer.
        if (isUniqueViolation(error)) {
          const winner = await existingForKey(input, template.orgId);
          if (winner !== null) return { batch: winner, created: false };
        }
        throw error;
      }
      deps.onBatchCreated(batchId);
      const row = await findBatchById(db, batchId);
      if (row === undefined) throw new Error(`batch ${batchId} vanished after insert`);
      return { batch: await toBatch(row), created: true };
    },

    async getBatch(id: string, caller: Principal): Promise<Batch> {
      return toBatch(await requireBatchRow(id, caller));
    },

    async listBatches(query: {
      orgId: string;
      templateId: string | undefined;
      status: string | undefined;
      limit: number;
      cursor: string | undefined;
    }): Promise<{ items: Batch[]; nextCursor: string | null }> {
      const { rows, more } = await listBatchesPage(db, {
        orgId: query.orgId,
        templateId: query.templateId,
        status: query.status,
        limit: query.limit,
        after: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
      });
      const page = pageOf(
        rows.map((row) => ({ row, createdAt: row.created_at, id: row.id })),
        more,
      );
      return {
        items: await Promise.all(page.items.map((item) => toBatch(item.row))),
        nextCursor: page.nextCursor,
      };
    },

    async listCells(query: {
      batchId: string;
      caller: Principal;
      status: string | undefined;
      limit: number;
      cursor: string | undefined;
    }): Promise<{ items: BatchCell[]; nextCursor: string | null }> {
      const afterId = query.cursor === undefined ? undefined : decodeCellCursor(query.cursor);
      await requireBatchRow(query.batchId, query.caller);
      const rows = await listCellsPage(db, {
        batchId: query.batchId,
        status: query.status,
        afterId,
        limit: query.limit,
      });
      const items = rows.slice(0, query.limit).map(batchCellFromRow);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > query.limit && last !== undefined ? encodeCellCursor(last.id) : null,
      };
    },

    /** No new cell starts; cells in flight finish and are recorded. Cancelling twice is fine. */
    async cancelBatch(id: string, caller: Principal): Promise<Batch> {
      const row = await requireBatchRow(id, caller);
      const at = runtime.now().toISOString();
      await db.transaction().execute(async (transaction) => {
        await markCancelRequested(transaction, row.id, at);
        const cancelled = await cancelPendingCells(transaction, row.id, at);
        if (cancelled > 0) {
          await audit.record(
            {
              orgId: row.org_id,
              actor: auditActor(caller),
              action: 'batch.cancelled',
              targetType: 'batch',
              targetId: row.id,
              details: { cells_cancelled: cancelled },
            },
            transaction,
          );
        }
      });
      await refreshBatchStatus(row.id);
      return toBatch(await requireBatchRow(id, caller));
    },

    /** Stores the status the cells imply, with the first start and the finish times. */
    refreshBatchStatus,
  };

  async function refreshBatchStatus(batchId: string): Promise<BatchStatus> {
    const counts = await countCellsByStatus(db, batchId);
    const status = batchStatusOf(counts);
    const now = runtime.now().toISOString();
    await updateBatchStatus(db, batchId, {
      status,
      startedAt: status === 'queued' ? null : now,
      finishedAt: isFinished(status) ? now : null,
    });
    return status;
  }
}

export type BatchesService = ReturnType<typeof createBatchesService>;
