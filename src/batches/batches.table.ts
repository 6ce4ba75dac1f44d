import type { Selectable } from 'kysely';

/** `batches`: one request to run a template over countries × models × samples. */
export interface BatchesTable {
  id: string;
  org_id: string;
  workspace_id: string;
  template_id: string;
  status: string;
  /** JSON: the normalised request (BatchSpec). */
  spec: string;
  total: number;
  concurrency: number;
  max_attempts: number;
  resend_interrupted: number;
  /** JSON: the cost estimate made before anything ran. */
  estimate: string;
  idempotency_key: string | null;
  request_sha256: string | null;
  schedule_id: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  cancel_requested_at: string | null;
}

/** `batch_cells`: one (country, model, sample) of a batch; '' is "no country". */
export interface BatchCellsTable {
  id: string;
  batch_id: string;
  country: string;
  provider: string;
  model_id: string;
  sample_index: number;
  status: string;
  attempts: number;
  possibly_billed_resends: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  result_id: string | null;
  error: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  updated_at: string;
}

/** `batch_attempts`: every provider call of a cell, written before it is sent. */
export interface BatchAttemptsTable {
  id: string;
  cell_id: string;
  batch_id: string;
  attempt_number: number;
  status: string;
  possibly_billed: number;
  error: string | null;
  started_at: string;
  settled_at: string | null;
}

export type BatchRow = Selectable<BatchesTable>;
export type BatchCellRow = Selectable<BatchCellsTable>;
export type BatchAttemptRow = Selectable<BatchAttemptsTable>;
