import type { JsonObject } from '../json/lossless-json.ts';

/**
 * The fields of a template that make up its identity (docs/api-contract.md §2), as given: the hash applies
 * the text, country, rounding and sorting rules itself. Anything else (org, workspace, name,
 * provider, author) is not part of the identity.
 */
export interface TemplateConfig {
  systemInstructions: string | null;
  userPromptTemplate: string;
  countrySet: readonly string[];
  modelId: string;
  inferenceParams: JsonObject | null;
  toolsSpec: readonly (JsonObject | null)[] | null;
  responseFormat: JsonObject | null;
  groundingProfileId: string | null;
  groundingSnapshotId: string | null;
  retrievalParams: JsonObject | null;
  preprocessPipelineId: string | null;
  postprocessPipelineId: string | null;
}
