import type { Principal } from '../auth/principal.ts';
import type { RuntimeValue } from './render-prompt.ts';

/** One run to execute: the template, who asks, and what fills the prompt. */
export interface RunRequest {
  readonly templateId: string;
  /** Who asks: another org's template is a 404. */
  readonly caller: Principal;
  /** Sent verbatim when given (the seed's behaviour); otherwise the server renders the template. */
  readonly renderedPrompt: string | null;
  readonly runtimeVars: Readonly<Record<string, RuntimeValue>>;
  readonly brandName: string | null;
  readonly country: string | null;
  readonly analysisScope: string;
  readonly useGrounding: boolean;
  readonly batchId?: string | null;
  readonly sampleIndex?: number | null;
}
