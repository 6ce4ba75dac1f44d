/** The counts of a batch's cells by state. */
export interface BatchCellCounts {
  readonly total: number;
  readonly pending: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
}

export type BatchStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/**
 * A batch's status follows from its cells (docs/api-contract.md §10): `completed` when every cell
 * ended and none failed, `failed` when every cell ended and some failed, `cancelled` when a
 * cancel left cells unrun, `queued` before any cell started, `running` otherwise.
 */
export function batchStatusOf(counts: BatchCellCounts): BatchStatus {
  const open = counts.pending + counts.running;
  if (open > 0) {
    return counts.pending === counts.total ? 'queued' : 'running';
  }
  if (counts.cancelled > 0) return 'cancelled';
  return counts.failed > 0 ? 'failed' : 'completed';
}

export function isFinished(status: BatchStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
