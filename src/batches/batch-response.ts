import type { Static } from 'typebox';
import type { Batch, BatchCell, BatchUsage } from './batch.ts';
import type { BatchCellSchema, BatchSchema } from './batches.schemas.ts';

function usageResponse(usage: BatchUsage) {
  return {
    calls: usage.calls,
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    cost_usd: usage.costUsd,
  };
}

/** The flat batch object of docs/api-contract.md §10 (GET, list, events). */
export function toBatchResponse(batch: Batch): Static<typeof BatchSchema> {
  return {
    batch_id: batch.id,
    template_id: batch.templateId,
    org_id: batch.orgId,
    workspace_id: batch.workspaceId,
    schedule_id: batch.scheduleId,
    status: batch.status,
    total: batch.counts.total,
    pending: batch.counts.pending,
    running: batch.counts.running,
    succeeded: batch.counts.succeeded,
    failed: batch.counts.failed,
    cancelled: batch.counts.cancelled,
    possibly_billed_resends: batch.possiblyBilledResends,
    created_at: batch.createdAt,
    started_at: batch.startedAt,
    finished_at: batch.finishedAt,
    cancel_requested_at: batch.cancelRequestedAt,
    eta_seconds: batch.etaSeconds,
    estimate: usageResponse(batch.estimate),
    actual: usageResponse(batch.actual),
    countries: [...batch.spec.countries],
    models: batch.spec.models.map((model) => ({
      model_id: model.modelId,
      provider: model.provider,
    })),
    samples: batch.spec.samples,
    concurrency: batch.spec.concurrency,
    max_attempts: batch.spec.maxAttempts,
    resend_interrupted: batch.spec.resendInterrupted,
    use_grounding: batch.spec.useGrounding,
  };
}

export function toBatchCellResponse(cell: BatchCell): Static<typeof BatchCellSchema> {
  return {
    cell_id: cell.id,
    batch_id: cell.batchId,
    country: cell.country,
    provider: cell.provider,
    model_id: cell.modelId,
    sample_index: cell.sampleIndex,
    status: cell.status as Static<typeof BatchCellSchema>['status'],
    attempts: cell.attempts,
    possibly_billed_resends: cell.possiblyBilledResends,
    result_id: cell.resultId,
    error: cell.error,
    next_attempt_at: cell.nextAttemptAt,
    updated_at: cell.updatedAt,
  };
}
