import type { Template } from './template.ts';
import type { TemplateResponse } from './templates.schemas.ts';

/** The wire form of a template (snake_case, as the seed's API answers). */
export function toTemplateResponse(template: Template): TemplateResponse {
  return {
    id: template.id,
    org_id: template.orgId,
    workspace_id: template.workspaceId,
    name: template.name,
    provider: template.provider,
    system_instructions: template.systemInstructions,
    user_prompt_template: template.userPromptTemplate,
    country_set: template.countrySet,
    model_id: template.modelId,
    inference_params: template.inferenceParams,
    tools_spec: template.toolsSpec,
    response_format: template.responseFormat,
    grounding_profile_id: template.groundingProfileId,
    grounding_snapshot_id: template.groundingSnapshotId,
    retrieval_params: template.retrievalParams,
    preprocess_pipeline_id: template.preprocessPipelineId,
    postprocess_pipeline_id: template.postprocessPipelineId,
    config_hash: template.configHash,
    config_canonical_json: template.configCanonicalJson,
    created_by: template.createdBy,
    created_at: template.createdAt,
    deleted_at: template.deletedAt,
  };
}
