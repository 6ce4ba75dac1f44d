import { hash } from 'node:crypto';
import {
  findLoneSurrogate,
  UnrepresentableJsonError,
  type JsonObject,
  type JsonValue,
} from '../json/lossless-json.ts';
import { normalizeCountrySet } from './normalize-country-set.ts';
import { normalizeText } from './normalize-text.ts';
import { serializeSortedJson } from './serialize-sorted-json.ts';
import type { TemplateConfig } from './template-config.ts';

export interface CanonicalConfig {
  /** The exact compact JSON text that was hashed. */
  readonly canonical: string;
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `canonical`. */
  readonly configHash: string;
}

/**
 * The template identity of docs/api-contract.md §2. Existing deployments store hashes made by the Python
 * original, so every byte here follows that reference: the top-level keys keep this fixed order
 * (they are not sorted), everything below them is deep-sorted.
 *
 * @throws {UnrepresentableJsonError} for a lone surrogate or a non-finite float anywhere in the
 *   config (the reference cannot hash them; the API answers 422). Its path starts with the field
 *   and locates the value in `config`.
 */
export function canonicalizeConfig(config: TemplateConfig): CanonicalConfig {
  // Checked before normalizing, which reorders the countries, so the path indexes the input.
  config.countrySet.forEach((country, index) => {
    if (findLoneSurrogate(country) >= 0) {
      throw new UnrepresentableJsonError('lone_surrogate', ['country_set', index]);
    }
  });
  const fields: [string, JsonValue, boolean][] = [
    ['system_instructions', normalizeText(config.systemInstructions), false],
    ['user_prompt_template', normalizeText(config.userPromptTemplate), false],
    ['country_set', normalizeCountrySet(config.countrySet), false],
    ['model_id', config.modelId, false],
    ['inference_params', config.inferenceParams ?? emptyObject(), true],
    ['tools_spec', (config.toolsSpec ?? []).map((tool) => tool ?? emptyObject()), false],
    ['response_format', config.responseFormat ?? emptyObject(), false],
    ['grounding_profile_id', config.groundingProfileId, false],
    ['grounding_snapshot_id', config.groundingSnapshotId, false],
    ['retrieval_params', config.retrievalParams ?? emptyObject(), false],
    ['preprocess_pipeline_id', config.preprocessPipelineId, false],
    ['postprocess_pipeline_id', config.postprocessPipelineId, false],
  ];
  let canonical = '{';
  for (const [name, value, roundFloats] of fields) {
    if (canonical.length > 1) canonical += ',';
    canonical += `"${name}":${serializeSortedJson(value, { roundFloats, path: [name] })}`;
  }
  canonical += '}';
  // A string is hashed as its UTF-8 bytes.
  const configHash = hash('sha256', canonical, 'hex');
  return { canonical, configHash };
}

function emptyObject(): JsonObject {
  return Object.create(null) as JsonObject;
}
