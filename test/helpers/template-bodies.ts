import { randomUUID } from 'node:crypto';

/** A fresh workspace id, so tests sharing a database never see each other's templates. */
export function uniqueWorkspace(): string {
  return `ws-${randomUUID()}`;
}

/** A valid create body; override any field. */
export function templateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workspace_id: uniqueWorkspace(),
    name: 'Top supplements',
    system_instructions: 'Be concise.',
    user_prompt_template: 'List top 10 longevity supplement brands in {{country}}.',
    country_set: ['US', 'GB'],
    model_id: 'gpt-4o',
    inference_params: { temperature: 0.7, max_tokens: 128 },
    tools_spec: [],
    response_format: { type: 'text' },
    ...overrides,
  };
}
