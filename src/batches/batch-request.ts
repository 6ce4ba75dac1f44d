import type { RuntimeValue } from '../runs/render-prompt.ts';

/** A model named in a batch request: an id, or an id with the provider that serves it. */
export type RequestedModel = string | { readonly model_id: string; readonly provider?: string };

/** The body of `POST /api/prompt-templates/{id}/batches` (and of a schedule's batch). */
export interface BatchRequest {
  readonly countries?: readonly string[];
  readonly models?: readonly RequestedModel[];
  readonly samples?: number;
  readonly runtime_vars?: Readonly<Record<string, RuntimeValue>>;
  readonly brand_name?: string | null;
  readonly use_grounding?: boolean;
  readonly concurrency?: number;
  readonly max_attempts?: number;
  readonly resend_interrupted?: boolean;
}
