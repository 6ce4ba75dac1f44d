import type { BatchSpec } from './batch-spec.ts';
import type { BatchCellCounts, BatchStatus } from './batch-status.ts';
import type { BatchCellRow, BatchRow } from './batches.table.ts';

/** Calls, tokens and dollars: a batch's estimate before it runs and its actual use. */
export interface BatchUsage {
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly costUsd: number | null;
}

export interface StoredEstimate extends BatchUsage {
  readonly unpricedModels: readonly string[];
}

/** A batch as its owners see it: the stored row plus its cells' counts and use. */
export interface Batch {
  readonly id: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly scheduleId: string | null;
  readonly status: BatchStatus;
  readonly spec: BatchSpec;
  readonly counts: BatchCellCounts;
  readonly possiblyBilledResends: number;
  readonly estimate: StoredEstimate;
  readonly actual: BatchUsage;
  readonly etaSeconds: number | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly cancelRequestedAt: string | null;
}

/** One cell of a batch. */
export interface BatchCell {
  readonly id: string;
  readonly batchId: string;
  readonly country: string | null;
  readonly provider: string;
  readonly modelId: string;
  readonly sampleIndex: number;
  readonly status: string;
  readonly attempts: number;
  readonly possiblyBilledResends: number;
  readonly resultId: string | null;
  readonly error: unknown;
  readonly nextAttemptAt: string;
  readonly updatedAt: string;
}

export function batchSpecFromRow(row: BatchRow): BatchSpec {
  return JSON.parse(row.spec) as BatchSpec;
}

export function storedEstimateFromRow(row: BatchRow): StoredEstimate {
  return JSON.parse(row.estimate) as StoredEstimate;
}

export function batchCellFromRow(row: BatchCellRow): BatchCell {
  return {
    id: row.id,
    batchId: row.batch_id,
    country: row.country === '' ? null : row.country,
    provider: row.provider,
    modelId: row.model_id,
    sampleIndex: Number(row.sample_index),
    status: row.status,
    attempts: Number(row.attempts),
    possiblyBilledResends: Number(row.possibly_billed_resends),
    resultId: row.result_id,
    error: row.error === null ? null : (JSON.parse(row.error) as unknown),
    nextAttemptAt: row.next_attempt_at,
    updatedAt: row.updated_at,
  };
}

/** Seconds until the open cells end at the rate cells have ended so far; null before any did. */
export function estimateRemainingSeconds(
  counts: BatchCellCounts,
  startedAt: string | null,
  now: Date,
): number | null {
  const open = counts.pending + counts.running;
  if (open === 0) return 0;
  const ended = counts.succeeded + counts.failed;
  if (startedAt === null || ended === 0) return null;
  const elapsedSeconds = (now.getTime() - Date.parse(startedAt)) / 1000;
  if (elapsedSeconds <= 0) return null;
  return Math.ceil(open / (ended / elapsedSeconds));
}
