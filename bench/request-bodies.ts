/**
 * Request bodies shared by every scenario. All are valid for both create and check-duplicate, and
 * the baseline receives the same check-duplicate bodies so the ratios compare like with like.
 */

export const BENCH_WORKSPACE_ID = 'bench-workspace';

/** A realistic create / check-duplicate body whose configuration is identified by `promptKey`. */
export function templateRequestBody(promptKey: string): Record<string, unknown> {
  return {
    workspace_id: BENCH_WORKSPACE_ID,
    name: `Top supplements ${promptKey}`,
    system_instructions: 'You are a market analyst. Answer with a numbered list and cite sources.',
    user_prompt_template: `List the top 10 longevity supplement brands in {{country}} (${promptKey}).`,
    country_set: ['US', 'GB', 'DE', 'FR'],
    model_id: 'gpt-4o',
    inference_params: { temperature: 0.7, top_p: 0.95, max_tokens: 512 },
    tools_spec: [],
    response_format: { type: 'text' },
  };
}

/** The serialized bodies the seeding step creates: one configuration per index. */
export function seedBodies(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify(templateRequestBody(`seed ${index}`)),
  );
}

/** Check-duplicate bodies: even positions match a seeded template, odd positions match none. */
export function checkDuplicateBodies(seedCount: number): string[] {
  return Array.from({ length: seedCount }, (_, index) =>
    JSON.stringify(templateRequestBody(index % 2 === 0 ? `seed ${index}` : `absent ${index}`)),
  );
}

/** An endless source of create bodies, each with a configuration never sent before in this run. */
export function uniqueCreateBodies(runKey: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return JSON.stringify(templateRequestBody(`run ${runKey} request ${next}`));
  };
}
